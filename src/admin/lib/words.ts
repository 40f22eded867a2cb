/**
 * The admin's small words: ids as merchants write them, error messages, humanised keys. Pure.
 */

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** What the admin shows for a value it does not have. */
export const DASH = "-"

/** `table[key]` for a key read as a plain string (an API value): undefined when it is not one of the table's. */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}

/** "999-1001" from the store id and the normalised id; the bare id when the store is unknown. */
export function zonosOrderLabel(zonosOrderId: string, storeId?: string | null): string {
  if (/^\d+-\d+$/.test(zonosOrderId)) return zonosOrderId
  return storeId ? `${storeId}-${zonosOrderId}` : zonosOrderId
}

/** "#12" for a Medusa display id. */
export function medusaOrderLabel(displayId: number | null | undefined): string {
  return displayId === null || displayId === undefined ? DASH : `#${displayId}`
}

/** The message of an error thrown by the JS SDK (it carries the API's message) or anything else. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  if (typeof error === "string" && error) return error
  return "Something went wrong"
}

/** "needs_attention" -> "Needs attention"; "BRAINTREE" -> "Braintree". */
export function humanize(value: string): string {
  const text = value.replace(/[_-]+/g, " ").trim().toLowerCase()
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : DASH
}

const PROPER_NAMES: Record<string, string> = {
  JCB: "JCB",
  PAYPAL: "PayPal",
  AMEX: "Amex",
  MASTERCARD: "Mastercard",
  CYBERSOURCE: "CyberSource",
  AUTHORIZE_NET: "Authorize.Net",
  PAYPAL_EXPRESS: "PayPal Express",
  IGLOBAL_CC: "iGlobal CC",
  UNIONPAY: "UnionPay",
}

/** "VISA" -> "Visa", "AMERICAN_EXPRESS" -> "American Express", "PAYPAL" -> "PayPal". */
export function titleCase(value: string): string {
  const known = PROPER_NAMES[value.toUpperCase()]
  if (known) return known
  return value
    .toLowerCase()
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ")
}
