import { IncomingMessage, ServerResponse } from "node:http"

/** A complete HTTP answer, built before anything is written to the socket. */
export interface HttpAnswer {
  status: number
  contentType: string
  body: string
  headers?: Record<string, string>
}

export function jsonAnswer(status: number, value: unknown): HttpAnswer {
  return { status, contentType: "application/json", body: JSON.stringify(value) }
}

/** Zonos' error shape: `{"error": "..."}` (with HTTP 400, 500, or even 200 on some endpoints). */
export function errorAnswer(status: number, message: string): HttpAnswer {
  return jsonAnswer(status, { error: message })
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}

/** The small HTML error page a Java web server answers for 404/405/406/413/415. */
export function htmlAnswer(status: number, reason: string, message: string, headers?: Record<string, string>): HttpAnswer {
  const title = `HTTP Status ${status} - ${escapeHtml(reason)}`
  return {
    status,
    contentType: "text/html;charset=utf-8",
    body: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1><p>${escapeHtml(message)}</p></body></html>`,
    headers,
  }
}

export function sendAnswer(res: ServerResponse, answer: HttpAnswer): void {
  if (res.writableEnded || res.destroyed) return
  res.writeHead(answer.status, {
    "Content-Type": answer.contentType,
    "Content-Length": Buffer.byteLength(answer.body),
    ...answer.headers,
  })
  res.end(answer.body)
}

export interface RequestBody {
  text: string
  /** The body was longer than the limit; `text` holds only what fit. */
  tooLarge: boolean
}

/** Reads the whole request body as UTF-8 text (keeps draining, but stops storing, past `limit` bytes). */
export function readBody(req: IncomingMessage, limit: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8"), tooLarge }))
    req.on("error", reject)
  })
}

/** Parses JSON text; undefined when it is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
