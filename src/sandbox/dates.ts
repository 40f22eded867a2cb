export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/**
 * Parses the `yyyymmdd` (UTC) day format of orderNumbers' sinceDate/throughDate.
 * Answers the epoch milliseconds of that day's start, or undefined when malformed
 * or not a real calendar day.
 */
export function parseYyyymmdd(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value
  if (typeof text !== "string" || !/^\d{8}$/.test(text)) return undefined
  const year = Number(text.slice(0, 4))
  const month = Number(text.slice(4, 6))
  const day = Number(text.slice(6, 8))
  const start = Date.UTC(year, month - 1, day)
  const check = new Date(start)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined
  }
  return start
}

/** Formats epoch milliseconds as `yyyymmdd` (UTC). */
export function formatYyyymmdd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, "")
}

/** The human-readable companion of a millisecond date key (`orderDateString` etc.). */
export function formatDateString(ms: number): string {
  return new Date(ms).toISOString()
}

/** Reads a date given as epoch milliseconds or as a date string; undefined if neither. */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value
  if (typeof value === "string" && value.trim() !== "") {
    const ms = Date.parse(value)
    return Number.isNaN(ms) ? undefined : ms
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime()
  return undefined
}
