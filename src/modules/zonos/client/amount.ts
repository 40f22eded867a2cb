import { z } from "@medusajs/framework/zod"

/**
 * Exact amounts.
 *
 * Zonos documents amounts as "positive float, two decimals", types some as integers, and older
 * APIs sent strings. We accept a JSON number or a numeric string and never do float arithmetic:
 * every amount becomes a CANONICAL DECIMAL STRING:
 *
 *  - plain decimal notation, no exponent: `1e-7` (a JSON number) -> "0.0000001";
 *  - no leading "+", no leading zeros in the integer part (`"007.5"` -> "7.5", `".5"` -> "0.5");
 *  - NO trailing zeros in the fraction and no trailing dot: `"45.00"` -> "45", `"12.30"` -> "12.3";
 *  - zero is always "0" (never "-0"); negatives keep their "-" (discount lines are negative).
 *
 * So the number `45` and the strings `"45"`, `"45.00"`, `" 45.0 "` all become "45": equal values
 * give equal strings, and a string comparison is a value comparison. Format for display (two
 * decimals, currency) at the edge, not here.
 *
 * JSON numbers are converted through their shortest round-trip string (`String(n)`), i.e. the
 * decimal the sender most likely wrote (`0.1` -> "0.1", not 0.1000000000000000055...).
 */

/** Strings longer than this are not amounts (and are not worth parsing). */
const MAX_AMOUNT_LENGTH = 64
const DECIMAL_STRING = /^([+-]?)(\d*)(?:\.(\d*))?$/
const EXPONENT_NUMBER = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/

function canonicalFromParts(negative: boolean, intDigits: string, fracDigits: string): string {
  const int = intDigits.replace(/^0+/, "") || "0"
  const frac = fracDigits.replace(/0+$/, "")
  const body = frac === "" ? int : `${int}.${frac}`
  return negative && body !== "0" ? `-${body}` : body
}

/**
 * Canonicalises a decimal string (`"45.00"`, `" -5 "`, `"+.5"`); returns null for anything else
 * (empty, exponent notation, thousands separators, currency symbols, NaN, Infinity, ...).
 */
export function canonicalDecimalString(input: string): string | null {
  if (input.length > MAX_AMOUNT_LENGTH) {
    return null
  }
  const match = DECIMAL_STRING.exec(input.trim())
  if (!match) {
    return null
  }
  const [, sign, intDigits = "", fracDigits = ""] = match
  if (intDigits === "" && fracDigits === "") {
    return null
  }
  return canonicalFromParts(sign === "-", intDigits, fracDigits)
}

/** Canonicalises a finite JSON number through its shortest round-trip string; null if not finite. */
export function canonicalDecimalFromNumber(input: number): string | null {
  if (!Number.isFinite(input)) {
    return null
  }
  const text = String(input)
  const exp = EXPONENT_NUMBER.exec(text)
  if (!exp) {
    return canonicalDecimalString(text)
  }
  // Expand "1.5e-7" / "1e+21" exactly by moving the decimal point in the digit string.
  const [, sign, intDigits, fracDigits = "", exponent] = exp
  const digits = intDigits + fracDigits
  const point = intDigits.length + Number(exponent)
  let int: string
  let frac: string
  if (point <= 0) {
    int = "0"
    frac = "0".repeat(-point) + digits
  } else if (point >= digits.length) {
    int = digits + "0".repeat(point - digits.length)
    frac = ""
  } else {
    int = digits.slice(0, point)
    frac = digits.slice(point)
  }
  return canonicalFromParts(sign === "-", int, frac)
}

/** Canonical decimal string for a number or numeric string, or null when it is not an amount. */
export function toCanonicalDecimal(input: number | string): string | null {
  return typeof input === "number"
    ? canonicalDecimalFromNumber(input)
    : canonicalDecimalString(input)
}

const AMOUNT_EXPECTATION = 'expected an amount: a JSON number or a decimal string such as "45.00"'

const amountInput = z.union([z.number(), z.string()], {
  error: `Invalid amount: ${AMOUNT_EXPECTATION}`,
})

function describeBadAmount(value: number | string): string {
  if (typeof value === "number") {
    return String(value)
  }
  if (value.trim() === "") {
    return "an empty string"
  }
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value)
}

/** The canonical decimal for `value`, or a zod issue saying why it is not an amount. */
function canonicalOrIssue(value: number | string, ctx: z.RefinementCtx): string {
  const canonical = toCanonicalDecimal(value)
  if (canonical === null) {
    ctx.addIssue({
      code: "custom",
      message: `Invalid amount ${describeBadAmount(value)}: ${AMOUNT_EXPECTATION} (no exponent)`,
    })
    return z.NEVER
  }
  return canonical
}

/**
 * A required amount: a JSON number or numeric string, output as a canonical decimal string
 * (see the top of this file). Empty strings, exponents, NaN/Infinity and other text are rejected.
 */
export const zonosAmount = amountInput.transform(canonicalOrIssue)

/**
 * An optional amount in a Zonos response: like zonosAmount, but missing, null and blank strings
 * ("" is how older Zonos APIs wrote "no value") all come out as null/undefined instead of failing
 * the whole order.
 */
export const zonosOptionalAmount = amountInput
  .transform((value, ctx): string | null =>
    typeof value === "string" && value.trim() === "" ? null : canonicalOrIssue(value, ctx)
  )
  .nullish()

export type ZonosAmount = z.infer<typeof zonosAmount>
