import { model } from "@medusajs/framework/utils"

export const ZONOS_SWEEP_STATUSES = ["running", "succeeded", "partial", "failed"] as const

/**
 * One row per sweep run: when it ran, which window it asked Zonos for, how it ended.
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
})

export default ZonosSweep
