/**
 * Money in the sandbox is integer cents (hundredths of a unit) from end to end.
 * Amounts are only turned into JSON numbers or strings at the very edge, when an
 * order is written, and never summed as binary floats.
 */

export type AmountFormat = "number" | "string"

export interface CurrencyInfo {
  /** Units of this currency per 1 USD, as an exact decimal string. */
  rate: string
  /** Decimals of the currency's smallest unit (JPY has none). */
  minorUnits: number
}

/** Fixed exchange rates the sandbox converts USD amounts with (made up, but plausible). */
export const SANDBOX_FX_RATES: Readonly<Record<string, CurrencyInfo>> = {
  USD: { rate: "1", minorUnits: 2 },
  GBP: { rate: "0.79", minorUnits: 2 },
  EUR: { rate: "0.92", minorUnits: 2 },
  CAD: { rate: "1.36", minorUnits: 2 },
  AUD: { rate: "1.52", minorUnits: 2 },
  JPY: { rate: "151.2", minorUnits: 0 },
  HKD: { rate: "7.81", minorUnits: 2 },
  AED: { rate: "3.6725", minorUnits: 2 },
  NZD: { rate: "1.66", minorUnits: 2 },
  SGD: { rate: "1.34", minorUnits: 2 },
  MXN: { rate: "17.10", minorUnits: 2 },
  CHF: { rate: "0.88", minorUnits: 2 },
  SEK: { rate: "10.45", minorUnits: 2 },
}

/** Shopper currency per destination country, used when an added order names none. */
export const COUNTRY_CURRENCIES: Readonly<Record<string, string>> = {
  GB: "GBP",
  DE: "EUR",
  ES: "EUR",
  FR: "EUR",
  IE: "EUR",
  IT: "EUR",
  NL: "EUR",
  CA: "CAD",
  AU: "AUD",
  JP: "JPY",
  HK: "HKD",
  AE: "AED",
  NZ: "NZD",
  SG: "SGD",
  MX: "MXN",
  CH: "CHF",
  SE: "SEK",
  US: "USD",
}

const DECIMAL_PATTERN = /^\s*([+-])?(\d+)(?:\.(\d*))?\s*$/

/** Integer division rounding half away from zero. */
export function divideRounded(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator)
  const n = Math.abs(numerator)
  const d = Math.abs(denominator)
  return sign * Math.floor((2 * n + d) / (2 * d))
}

/**
 * Reads an amount given as a JSON number or a numeric string ("45.00", "-5") into
 * integer cents. Answers undefined for anything else.
 */
export function toCents(value: unknown): number | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined
    return Math.round(Number((value * 100).toPrecision(15)))
  }
  if (typeof value !== "string") return undefined
  const match = DECIMAL_PATTERN.exec(value)
  if (!match) return undefined
  const sign = match[1] === "-" ? -1 : 1
  const whole = Number(match[2])
  const fraction = (match[3] ?? "").padEnd(3, "0")
  const cents = whole * 100 + Number(fraction.slice(0, 2))
  const roundUp = Number(fraction[2]) >= 5 ? 1 : 0
  return sign * (cents + roundUp)
}

/** Integer cents to a decimal string with `decimals` places (2 or 0), e.g. -500 -> "-5.00". */
export function centsToDecimalString(cents: number, decimals = 2): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  const whole = Math.floor(abs / 100)
  const fraction = String(abs % 100).padStart(2, "0")
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`
}

/** Writes integer cents as the JSON value an order carries: a number (45.5) or a string ("45.50"). */
export function formatAmount(cents: number, format: AmountFormat, decimals = 2): number | string {
  const text = centsToDecimalString(cents, decimals)
  return format === "string" ? text : Number(text)
}

export function currencyInfo(currencyCode: string): CurrencyInfo {
  return SANDBOX_FX_RATES[currencyCode] ?? SANDBOX_FX_RATES.USD
}

/**
 * Converts a USD amount (cents) into the shopper currency at the fixed rate and rounds it
 * to that currency's smallest unit. The answer is still expressed in hundredths.
 */
export function convertUsdCents(usdCents: number, currencyCode: string): number {
  const info = currencyInfo(currencyCode)
  const [whole, fraction = ""] = info.rate.split(".")
  const rateNumerator = Number(whole + fraction)
  const rateDenominator = 10 ** fraction.length
  const step = 10 ** (2 - info.minorUnits)
  return divideRounded(usdCents * rateNumerator, rateDenominator * step) * step
}
