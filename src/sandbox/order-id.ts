/**
 * Zonos order ids look like `999-12345` (store id, dash, number) and are accepted with
 * or without the store prefix, as a string or as a JSON number.
 */

export type ParsedOrderId =
  | { kind: "valid"; orderNumber: number }
  /** Well formed, but prefixed with another store's id: no such order in this store. */
  | { kind: "otherStore" }
  | { kind: "invalid" }

const MAX_DIGITS = 15

export function parseOrderId(value: unknown, storeId: string): ParsedOrderId {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value >= 0
      ? { kind: "valid", orderNumber: value }
      : { kind: "invalid" }
  }
  if (typeof value !== "string") return { kind: "invalid" }
  const text = value.trim()
  const bare = /^(\d+)$/.exec(text)
  if (bare) return numberFrom(bare[1])
  const prefixed = /^(\d+)-(\d+)$/.exec(text)
  if (!prefixed) return { kind: "invalid" }
  if (prefixed[1] !== storeId) return { kind: "otherStore" }
  return numberFrom(prefixed[2])
}

function numberFrom(digits: string): ParsedOrderId {
  if (digits.length > MAX_DIGITS) return { kind: "invalid" }
  return { kind: "valid", orderNumber: Number(digits) }
}

export function formatOrderId(storeId: string, orderNumber: number): string {
  return `${storeId}-${orderNumber}`
}

/** How an order id echoes in error messages: exactly what the caller sent. */
export function describeOrderId(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value)
}
