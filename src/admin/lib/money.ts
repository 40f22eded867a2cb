/**
 * Money and dates as the admin shows them. Amounts arrive as decimal strings and are formatted
 * without going through binary floats. Pure.
 */
import { DASH } from "./words"

/**
 * "$1,234.50" for ("1234.5", "USD"). Amounts arrive as decimal strings and are formatted
 * from the string (no float rounding on the way). Null for a missing amount; the amount
 * with its code for a currency Intl does not know.
 */
/** A plain decimal such as "45" or "-12.30", which Intl formats exactly. */
function isDecimalLiteral(text: string): text is Intl.StringNumericLiteral {
  return /^-?\d+(\.\d+)?$/.test(text)
}

export function formatMoney(
  amount: string | number | null | undefined,
  currency: string | null | undefined,
  locale?: string
): string | null {
  if (amount === null || amount === undefined || amount === "") return null
  const text = String(amount).trim()
  if (!isDecimalLiteral(text)) return null
  const code = (currency ?? "").trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code)) return text
  try {
    const formatter = new Intl.NumberFormat(locale, { style: "currency", currency: code })
    // Intl formats a numeric string exactly (ES2023), with no trip through a binary float.
    return formatter.format(text)
  } catch {
    return `${text} ${code}`
  }
}

/** True when a decimal string is zero ("0", "0.00", "-0"). */
export function isZeroAmount(amount: string | number | null | undefined): boolean {
  if (amount === null || amount === undefined || amount === "") return true
  return /^-?0*(\.0*)?$/.test(String(amount).trim())
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "25 Nov 2026, 21:50" in the browser's locale; "-" when missing. */
export function formatDateTime(value: string | Date | null | undefined, locale?: string): string {
  const date = toDate(value)
  if (!date) return DASH
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
]

/** "3 minutes ago", "in 12 minutes", "now"; "-" when missing. */
export function formatRelativeTime(
  value: string | Date | null | undefined,
  now: Date = new Date(),
  locale?: string
): string {
  const date = toDate(value)
  if (!date) return DASH
  let amount = (date.getTime() - now.getTime()) / 1000
  if (Math.abs(amount) < 10) return "just now"
  const formatter = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return formatter.format(Math.round(amount), unit)
    amount /= size
  }
  return formatDateTime(date, locale)
}
