/* Test helper (not a spec): talks to a running sandbox over real HTTP with global fetch. */
import { ZonosSandbox } from "../types"

/** A fixed clock, so seeded dates are known: 2025-06-15 12:00 UTC. */
export const TEST_NOW = new Date("2025-06-15T12:00:00.000Z")

export interface ApiReply {
  status: number
  contentType: string
  text: string
  /** Parsed body, or undefined when it was not JSON. */
  json: Record<string, any> | undefined
}

export const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json" }

export async function rawPost(
  sandbox: ZonosSandbox,
  path: string,
  body: string,
  headers: Record<string, string> = JSON_HEADERS,
  signal?: AbortSignal,
): Promise<ApiReply> {
  const response = await fetch(`${sandbox.url}${path}`, { method: "POST", headers, body, signal })
  const text = await response.text()
  let json: Record<string, any> | undefined
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, json }
}

/** POSTs a Zonos API call with the sandbox's own credentials (`store`, or `storeId` for createTempCart). */
export function callApi(
  sandbox: ZonosSandbox,
  path: string,
  params: Record<string, unknown> = {},
  options: { storeKey?: "store" | "storeId"; signal?: AbortSignal } = {},
): Promise<ApiReply> {
  const body = { [options.storeKey ?? "store"]: sandbox.storeId, secret: sandbox.secret, ...params }
  return rawPost(sandbox, path, JSON.stringify(body), JSON_HEADERS, options.signal)
}

/** Calls the control API. */
export async function control(
  sandbox: ZonosSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

export function ids(reply: ApiReply): string[] {
  return (reply.json?.orders ?? []).map((order: { id: string }) => order.id)
}
