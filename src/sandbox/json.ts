export type JsonObject = Record<string, unknown>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** Deep copy of a JSON-like value, so callers never hold the sandbox's own objects. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value)
}

/** True for undefined, null and the empty string: how the sandbox reads "parameter not given". */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === ""
}

/** Reads a boolean flag the lenient way Zonos clients send them (true or "true"). */
export function isTrueFlag(value: unknown): boolean {
  return value === true || value === "true"
}
