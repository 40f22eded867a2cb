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
