import { IncomingHttpHeaders } from "node:http"
import { errorAnswer, htmlAnswer, HttpAnswer, tryParseJson } from "./http-io"
import { isAbsent, isJsonObject, JsonObject } from "./json"

/** Which body key carries the store id on an endpoint. */
export type StoreKeyRule = "store" | "storeId" | "storeOrStoreId"

function mediaTypes(header: string): { type: string; q: number }[] {
  return header.split(",").map((part) => {
    const [type, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase())
    const qParam = params.find((param) => param.startsWith("q="))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    return { type, q: Number.isNaN(q) ? 0 : q }
  })
}

/** Content-Type must be application/json (a charset parameter is fine). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  return mediaTypes(header)[0]?.type === "application/json"
}

/** Accept must allow application/json; no Accept header at all allows anything. */
export function acceptsJson(header: string | undefined): boolean {
  if (header === undefined || header.trim() === "") return true
  return mediaTypes(header).some(
    ({ type, q }) => q > 0 && (type === "application/json" || type === "application/*" || type === "*/*"),
  )
}

/**
 * The checks every API call goes through before its own parameters are read, in the
 * order a JAX-RS server makes them: method, Content-Type (415), Accept (406), body (400).
 * Answers the parsed body, or the answer to send instead.
 */
export function validateApiRequest(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  rawBody: string,
): { body: JsonObject } | { answer: HttpAnswer } {
  if (method !== "POST") {
    return { answer: htmlAnswer(405, "Method Not Allowed", `HTTP method ${method ?? ""} is not supported by this URL`, { Allow: "POST" }) }
  }
  if (!isJsonContentType(headers["content-type"])) {
    return { answer: htmlAnswer(415, "Unsupported Media Type", "The server refused this request because the request entity is in a format not supported by the requested resource for the requested method.") }
  }
  if (!acceptsJson(headers.accept)) {
    return { answer: htmlAnswer(406, "Not Acceptable", "The resource identified by this request is only capable of generating responses with characteristics not acceptable according to the request \"accept\" headers.") }
  }
  const body = tryParseJson(rawBody)
  if (!isJsonObject(body)) return { answer: errorAnswer(400, "Invalid post body") }
  return { body }
}

function sameStore(value: unknown, storeId: string): boolean {
  return (typeof value === "string" || typeof value === "number") && String(value) === storeId
}

/** Checks the store id and secret in the body. Answers the error to send, or undefined when they are right. */
export function checkCredentials(
  body: JsonObject,
  rule: StoreKeyRule,
  storeId: string,
  secret: string,
): HttpAnswer | undefined {
  const invalid = errorAnswer(400, "Invalid security credentials")
  if (rule === "storeOrStoreId") {
    const given = (["store", "storeId"] as const).filter((key) => !isAbsent(body[key]))
    if (given.length === 0) return errorAnswer(400, "Parameter store is required")
    if (!given.every((key) => sameStore(body[key], storeId))) return invalid
  } else if (!sameStore(body[rule], storeId)) {
    return invalid
  }
  if (typeof body.secret !== "string" || body.secret !== secret) return invalid
  return undefined
}
