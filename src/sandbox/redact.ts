import { isJsonObject } from "./json"

export const REDACTED = "***"

/**
 * Copy of a request body fit for a log: every `secret` key's value and every occurrence
 * of the sandbox secret anywhere else (nested values, raw text) replaced by "***".
 */
export function redactSecret(value: unknown, secret: string): unknown {
  if (typeof value === "string") return secret === "" ? value : value.split(secret).join(REDACTED)
  if (Array.isArray(value)) return value.map((item) => redactSecret(item, secret))
  if (isJsonObject(value)) {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      copy[key] = key === "secret" && item !== undefined && item !== null ? REDACTED : redactSecret(item, secret)
    }
    return copy
  }
  return value
}
