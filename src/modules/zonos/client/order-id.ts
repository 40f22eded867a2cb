/**
 * The ONE place where Zonos order ids are normalised.
 *
 * Zonos writes order ids as `<storeId>-<number>` (e.g. `999-12345`) and accepts them with or
 * without the store prefix everywhere, so `999-12345`, `"12345"` and `12345` are the same order.
 * The normalised form is the bare number part as a string without leading zeros ("12345"):
 * use it as the idempotency key. Send ids to Zonos in the prefixed form (formatZonosOrderId).
 */

const PREFIXED_ID = /^(\d{1,10})-(\d{1,15})$/
const BARE_ID = /^\d{1,15}$/
const STORE_ID = /^\d{1,10}$/
/** Longer strings cannot be ids; refuse them before running any regex. */
const MAX_INPUT_LENGTH = 64

function stripLeadingZeros(digits: string): string {
  const stripped = digits.replace(/^0+/, "")
  return stripped === "" ? "0" : stripped
}

/** A short, safe description of a bad input for error messages (never the whole input). */
export function describeInvalidInput(input: unknown, max = 40): string {
  if (typeof input === "string") {
    const shown = input.length > max ? `${input.slice(0, max)}…` : input
    return JSON.stringify(shown)
  }
  if (typeof input === "number" || typeof input === "boolean" || typeof input === "bigint") {
    return String(input).slice(0, max)
  }
  if (input === null) {
    return "null"
  }
  return `(${typeof input})`
}

/**
 * Parses a Zonos order id (`"999-12345"`, `"12345"`, `12345`; surrounding whitespace ignored)
 * and returns its normalised number part (`"12345"`), or null when the input is not an order id.
 *
 * When `expectedStoreId` is given, a prefixed id for another store is rejected (null).
 */
export function parseZonosOrderId(input: unknown, expectedStoreId?: string): string | null {
  let text: string
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input < 0) {
      return null
    }
    text = String(input)
  } else if (typeof input === "string") {
    if (input.length > MAX_INPUT_LENGTH) {
      return null
    }
    text = input.trim()
  } else {
    return null
  }

  const prefixed = PREFIXED_ID.exec(text)
  if (prefixed) {
    if (
      expectedStoreId !== undefined &&
      stripLeadingZeros(prefixed[1]) !== stripLeadingZeros(expectedStoreId.trim())
    ) {
      return null
    }
    return stripLeadingZeros(prefixed[2])
  }
  if (BARE_ID.test(text)) {
    return stripLeadingZeros(text)
  }
  return null
}

/** Why an input is not an order id of this store. */
export type ZonosOrderIdProblem = "malformed" | "other_store"

/**
 * Reads an order id given to this store (success page, admin, sweep): its normalised number, or
 * why it is refused. An id prefixed with another store's id is never read as one of ours.
 */
export function checkZonosOrderId(
  input: unknown,
  storeId: string
): { id: string; problem: null } | { id: null; problem: ZonosOrderIdProblem } {
  const ours = parseZonosOrderId(input, storeId)
  if (ours !== null) {
    return { id: ours, problem: null }
  }
  return { id: null, problem: parseZonosOrderId(input) === null ? "malformed" : "other_store" }
}

/** Like parseZonosOrderId, but throws `Error("Invalid Zonos order id: ...")` on bad input. */
export function normalizeZonosOrderId(input: unknown, expectedStoreId?: string): string {
  const parsed = parseZonosOrderId(input, expectedStoreId)
  if (parsed === null) {
    throw new Error(`Invalid Zonos order id: ${describeInvalidInput(input)}`)
  }
  return parsed
}

/** True when `storeId` is a plausible Zonos store id (1-10 digits). */
export function isValidZonosStoreId(storeId: unknown): storeId is string {
  return typeof storeId === "string" && STORE_ID.test(storeId)
}

/** `formatZonosOrderId("999", "12345")` -> `"999-12345"`, the form sent to Zonos. */
export function formatZonosOrderId(storeId: string, normalisedId: string): string {
  if (!isValidZonosStoreId(storeId)) {
    throw new Error(`Invalid Zonos store id: ${describeInvalidInput(storeId)}`)
  }
  if (typeof normalisedId !== "string" || !BARE_ID.test(normalisedId)) {
    throw new Error(`Invalid normalised Zonos order id: ${describeInvalidInput(normalisedId)}`)
  }
  return `${storeId}-${stripLeadingZeros(normalisedId)}`
}
