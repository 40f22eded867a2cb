/** A UTC day as Zonos's orderNumbers wants it: "yyyymmdd". */
export function toUtcDay(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "")
}

/** The UTC day `days` before (or after, when negative) the given "yyyymmdd" day. */
export function shiftUtcDay(day: string, days: number): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))))
  date.setUTCDate(date.getUTCDate() - days)
  return toUtcDay(date)
}

/**
 * A day given as a Date or a "yyyymmdd" string, as "yyyymmdd" (UTC); null when it is neither or
 * names no real day ("20261131").
 */
export function readUtcDay(value: unknown): string | null {
  if (value instanceof Date) {
    const year = value.getUTCFullYear()
    return Number.isNaN(value.getTime()) || year < 1000 || year > 9999 ? null : toUtcDay(value)
  }
  if (typeof value !== "string") return null
  const text = value.trim()
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  const real = year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return real ? text : null
}
