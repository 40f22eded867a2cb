import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { ZonosSweepItemKind } from "../../../modules/zonos/zonos-order-states"
import { ZonosSweepWork } from "./collect-zonos-sweep-work"

/** Rows written per insert: a backfill of thousands of orders is not one statement of thousands. */
const INSERT_BATCH = 500

export type RecordZonosSweepWorkInput = { sweep_id: string; work: ZonosSweepWork }

/**
 * Writes one row per order the sweep will hand out (and one per deferred order), then its
 * `total`: until `total` is set no worker may finish the sweep, so a worker done with the first
 * rows never ends a sweep whose other rows are still being written. Returns the ids of the rows
 * to hand out.
 */
export const recordZonosSweepWorkStep = createStep(
  "record-zonos-sweep-work",
  async (input: RecordZonosSweepWorkInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const { work } = input
    const listed = new Set(work.listed)
    const planned: { zonos_order_number: string; kind: ZonosSweepItemKind }[] = [
      ...work.to_import.map((id) => ({ zonos_order_number: id, kind: "import" as const })),
      ...work.to_refresh.map((id) => ({ zonos_order_number: id, kind: "refresh" as const })),
      ...work.to_write_back.map((id) => ({ zonos_order_number: id, kind: "write_back" as const })),
      ...work.deferred.map((id) => ({ zonos_order_number: id, kind: "deferred" as const })),
    ]
    const itemIds: string[] = []
    for (let start = 0; start < planned.length; start += INSERT_BATCH) {
      const created = await zonos.createZonosSweepItems(
        planned.slice(start, start + INSERT_BATCH).map((item) => ({
          sweep_id: input.sweep_id,
          zonos_order_number: item.zonos_order_number,
          kind: item.kind,
          listed_by_zonos: listed.has(item.zonos_order_number),
          ...(item.kind === "deferred" ? { outcome: "deferred", handled_at: new Date() } : {}),
        }))
      )
      itemIds.push(...created.filter((item) => item.kind !== "deferred").map((item) => item.id))
    }
    await zonos.updateZonosSweeps({
      id: input.sweep_id,
      total: itemIds.length,
      listing_error: work.listing_error,
      counts: { listed: work.listed.length },
    })
    return new StepResponse({ item_ids: itemIds })
  }
)
