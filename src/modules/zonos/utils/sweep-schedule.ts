import { parseExpression } from "cron-parser"

/** The sweep's cron schedule: every 15 minutes unless ZONOS_SWEEP_SCHEDULE says otherwise. */
export const ZONOS_SWEEP_SCHEDULE = process.env.ZONOS_SWEEP_SCHEDULE || "*/15 * * * *"

/** When the scheduled sweep runs next, or null if the schedule cannot be read. */
export function nextSweepAt(now: Date, schedule = ZONOS_SWEEP_SCHEDULE): Date | null {
  try {
    return parseExpression(schedule, { currentDate: now, utc: true }).next().toDate()
  } catch {
    return null
  }
}
