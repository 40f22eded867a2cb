import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory, ZonosImportSource } from "../../../modules/zonos/utils/history"

export type RecordZonosOrderImportedInput = {
  record_id: string
  order_id: string
  source: ZonosImportSource
  notes: string[]
  shortfalls: { variant_id: string; sku: string | null }[]
}

/** Marks the Zonos order as imported (its status is applied next) and notes what the merchant should know. */
export const recordZonosOrderImportedStep = createStep(
  "record-zonos-order-imported",
  async (input: RecordZonosOrderImportedInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    // Only what is written and restored: the whole row carries the orderDetail, read for nothing.
    const before = await zonos.readZonosOrderColumns(input.record_id, [
      "id",
      "state",
      "attempts",
      "imported_at",
      "last_error",
      "next_attempt_at",
      "dismissed_at",
      "history",
    ])
    const at = new Date().toISOString()
    let history = appendHistory(before.history, {
      at,
      source: input.source,
      event: "imported",
      detail: `Medusa order ${input.order_id}`,
    })
    for (const note of input.notes) {
      history = appendHistory(history, { at, source: "system", event: "note", detail: note })
    }
    for (const shortfall of input.shortfalls) {
      history = appendHistory(history, {
        at,
        source: "system",
        event: "stock_shortfall",
        detail: `Not enough stock for ${shortfall.sku ?? shortfall.variant_id}: imported as a custom item, check before shipping`,
      })
    }
    await zonos.patchZonosOrder(input.record_id, {
      state: "imported",
      attempts: before.attempts + 1,
      imported_at: new Date(at),
      last_error: null,
      next_attempt_at: null,
      // An order that imports after all is no longer dismissed: it must show in the list.
      dismissed_at: null,
      history,
    })
    return new StepResponse(undefined, before)
  },
  async (before, { container }) => {
    if (!before) return
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    await zonos.patchZonosOrder(before.id, {
      state: before.state,
      attempts: before.attempts,
      imported_at: before.imported_at,
      last_error: before.last_error,
      next_attempt_at: before.next_attempt_at,
      dismissed_at: before.dismissed_at,
      history: before.history,
    })
  }
)
