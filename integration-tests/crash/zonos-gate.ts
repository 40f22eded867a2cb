import http from "node:http"
import { AddressInfo } from "node:net"

/**
 * A pass-through in front of the Zonos sandbox that can hold one call: the request is kept
 * unanswered (the Medusa server waits on it, mid-import) until the test has killed the server.
 * That makes "kill while Zonos is being asked for order X" a deterministic moment. Everything
 * else goes to the sandbox unchanged, over real HTTP.
 */
export type HoldRule = { endpoint: string; orderId: string }

export type ZonosGate = {
  url: string
  /** Holds the next call to `endpoint` for `orderId`; resolves when that call has arrived. */
  hold: (rule: HoldRule) => Promise<void>
  /** Answers held calls with a socket reset (their caller is dead anyway) and stops holding. */
  releaseAll: () => void
  close: () => Promise<void>
}

export async function startZonosGate(sandboxUrl: string): Promise<ZonosGate> {
  let rule: (HoldRule & { arrived: () => void }) | null = null
  const held = new Set<http.ServerResponse>()

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      if (rule && req.url?.endsWith(rule.endpoint) && bodyOrderId(body) === rule.orderId) {
        const arrived = rule.arrived
        rule = null
        held.add(res)
        res.on("close", () => held.delete(res))
        arrived()
        return
      }
      forward(sandboxUrl, req, body, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    hold: (next) => new Promise<void>((resolve) => (rule = { ...next, arrived: resolve })),
    releaseAll: () => {
      rule = null
      for (const res of held) res.destroy()
      held.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function bodyOrderId(body: Buffer): string | null {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"))
    if (parsed && typeof parsed === "object" && "orderId" in parsed) return String(parsed.orderId)
  } catch {
    // not JSON: not a call the gate holds
  }
  return null
}

function forward(sandboxUrl: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  const target = new URL(req.url ?? "/", sandboxUrl)
  const upstream = http.request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host, "content-length": String(body.length) } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    }
  )
  upstream.on("error", () => res.destroy())
  res.on("close", () => upstream.destroy())
  upstream.end(body)
}
