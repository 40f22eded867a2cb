import { model } from "@medusajs/framework/utils"

export const ZONOS_SWEEP_STATUSES = ["running", "succeeded", "partial", "failed"] as const

/**
 * One row per sweep run: when it ran, which window it asked Zonos for, its progress, how it ended.
 * `cursor_date` is set only when every order of the window was handled, so the next
 * sweep never starts past an order that was not.
 */
const ZonosSweep = model.define("zonos_sweep", {
  id: model.id({ prefix: "zswp" }).primaryKey(),
  trigger: model.text(),
  status: model.enum([...ZONOS_SWEEP_STATUSES]).default("running"),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  /** First day (UTC yyyymmdd) this run asked orderNumbers for. */
  since_date: model.text().nullable(),
  /** First day the next run asks for (plus the overlap day); null when orderNumbers could not be read. */
  cursor_date: model.text().nullable(),
  /** Outcomes counted: { found, imported, held, released, cancelled, failed, ... }. */
  counts: model.json().nullable(),
  error: model.text().nullable(),
  /** Orders handed out to the workers; null until the sweep has recorded them all (no finish before). */
  total: model.number().nullable(),
  /** Why orderNumbers could not be read, kept for whichever worker finishes the sweep. */
  listing_error: model.text().nullable(),
  /** Zonos calls in a row that found Zonos not answering, across every worker (atomic SQL). */
  failures_in_a_row: model.number().default(0),
  /** When the sweep stopped handing work to Zonos because it was not answering. */
  stopped_at: model.dateTime().nullable(),
})

export default ZonosSweep
