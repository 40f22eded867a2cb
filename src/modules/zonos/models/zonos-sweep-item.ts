import { model } from "@medusajs/framework/utils"
import { ZONOS_SWEEP_ITEM_KINDS } from "../zonos-order-states"

/**
 * One order a sweep hands out (see ZONOS_SWEEP_ITEM_KINDS). The sweep's progress and counts are
 * counted from these rows, each set once by the worker that handled it (`outcome IS NULL` in the
 * update), so workers in several processes never overwrite each other's counts and a redelivered
 * event is not counted twice.
 */
const ZonosSweepItem = model
  .define("zonos_sweep_item", {
    id: model.id({ prefix: "zswi" }).primaryKey(),
    sweep_id: model.text(),
    /** The normalised Zonos number ("1001"). */
    zonos_order_number: model.text(),
    kind: model.enum([...ZONOS_SWEEP_ITEM_KINDS]),
    listed_by_zonos: model.boolean().default(false),
    /** A ZonosSweepItemOutcome once handled; null while waiting for a worker. */
    outcome: model.text().nullable(),
    handled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["sweep_id", "zonos_order_number"], unique: true },
    // "Is anything of this sweep still waiting?", asked after every order (claimSweepFinish): a
    // look-up in the waiting rows only, however many orders a backfill has handled already.
    { on: ["sweep_id"], where: { outcome: null } },
  ])

export default ZonosSweepItem
