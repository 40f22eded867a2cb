/** The earliest day a backfill may start from: Zonos Checkout orders are not older. */
export const EARLIEST_BACKFILL_DATE = "2000-01-01"

/**
 * Why `value` cannot start a backfill, or null when it can: a real day written YYYY-MM-DD, not
 * after today (UTC) and not before EARLIEST_BACKFILL_DATE. Shared by the admin route and the
 * command-line script, so both refuse the same dates with the same words.
 */
export function backfillDateProblem(value: string, now: Date): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return `since_date must be a day written YYYY-MM-DD, not "${value.slice(0, 40)}"`
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `since_date ${value} is not a day of the calendar`
  }
  if (value > now.toISOString().slice(0, 10)) return `since_date ${value} is in the future`
  if (value < EARLIEST_BACKFILL_DATE) return `since_date must be ${EARLIEST_BACKFILL_DATE} or later`
  return null
}
