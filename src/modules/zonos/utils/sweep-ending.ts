import { shiftUtcDay } from "./utc-day"

/** sinceDate is day-granular: each sweep re-asks for the day before its cursor so no order slips between two sweeps. */
export const SWEEP_OVERLAP_DAYS = 1

export type SweepEndingFacts = {
  /** Why orderNumbers could not be read, or null. */
  listing_error: string | null
  /** The first day this sweep asked for (yyyymmdd). */
  since_date: string
  /** Listed orders that are still not in Medusa (neither imported, cancelled by Zonos, nor dismissed). */
  not_in_medusa: string[]
  /** The sweep stopped starting work because Zonos stopped answering. */
  stopped_early: boolean
  today: string
}

export type SweepEnding = {
  status: "succeeded" | "partial" | "failed"
  /** First day the next sweep asks for, plus the overlap; null: start from the last sweep that had one. */
  cursor_date: string | null
}

/**
 * How a sweep ends, and where the next one starts. Pure. In order:
 *  1. orderNumbers failed -> `failed`, no cursor (the next sweep starts from the last good one).
 *  2. An order it listed is still not in Medusa, or Zonos stopped answering -> `partial`, and the next sweep asks for exactly
 *     the same window again (the cursor is this sweep's own start plus the overlap, so a run of
 *     partial sweeps does not widen the window a day each time).
 *  3. Everything listed is in Medusa -> `succeeded`; the next sweep starts from today.
 */
export function sweepEnding(facts: SweepEndingFacts): SweepEnding {
  if (facts.listing_error !== null) {
    return { status: "failed", cursor_date: null }
  }
  if (facts.not_in_medusa.length > 0 || facts.stopped_early) {
    return { status: "partial", cursor_date: shiftUtcDay(facts.since_date, -SWEEP_OVERLAP_DAYS) }
  }
  return { status: "succeeded", cursor_date: facts.today }
}

/** The first day a sweep asks for, given the cursor of the last sweep that set one. */
export function sweepSinceDate(lastCursor: string | null, today: string, lookbackDays: number): string {
  return lastCursor ? shiftUtcDay(lastCursor, SWEEP_OVERLAP_DAYS) : shiftUtcDay(today, lookbackDays)
}
