import { parseExpression } from "cron-parser"

const DEFAULT_SCHEDULE = "*/15 * * * *"
/**
 * Medusa's in-memory scheduler waits with a plain timer, which overflows past 24.8 days and
 * then fires at once, again and again. A sweep at least every 24 days keeps clear of that.
 */
const MAX_GAP_MS = 24 * 24 * 60 * 60 * 1000

/**
 * The sweep's cron schedule (env ZONOS_SWEEP_SCHEDULE, default every 15 minutes). A schedule
 * that cannot be read, or that leaves more than 24 days between two sweeps, stops the boot
 * with a message that says so.
 */
export function resolveSweepSchedule(schedule = process.env.ZONOS_SWEEP_SCHEDULE || DEFAULT_SCHEDULE): string {
  let gaps: number[]
  try {
    const runs = parseExpression(schedule, { utc: true })
    const times = Array.from({ length: 4 }, () => runs.next().getTime())
    gaps = times.slice(1).map((time, index) => time - times[index])
    gaps.unshift(times[0] - Date.now())
  } catch {
    throw new Error(`medusa-plugin-zonos: ZONOS_SWEEP_SCHEDULE "${schedule}" is not a cron expression`)
  }
  if (gaps.some((gap) => gap > MAX_GAP_MS)) {
    throw new Error(
      `medusa-plugin-zonos: ZONOS_SWEEP_SCHEDULE "${schedule}" leaves more than 24 days between sweeps; sweep at least every 24 days`
    )
  }
  return schedule
}

export const ZONOS_SWEEP_SCHEDULE = resolveSweepSchedule()

/** When the scheduled sweep runs next. */
export function nextSweepAt(now: Date, schedule = ZONOS_SWEEP_SCHEDULE): Date {
  return parseExpression(schedule, { currentDate: now, utc: true }).next().toDate()
}
