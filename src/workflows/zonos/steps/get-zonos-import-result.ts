import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  IMPORT_OUTCOME_BY_STATE,
  isZonosHoldReason,
  isZonosImportState,
  ZonosImportResult,
  ZonosImportState,
} from "../../../modules/zonos/zonos-order-states"

export type { ZonosImportResult }

/** Reads back where the Zonos order stands after the import: what routes and the sweep report. */
export const getZonosImportResultStep = createStep(
  "get-zonos-import-result",
  async (input: { record_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [record],
    } = await query.graph({
      entity: "zonos_order",
      fields: ["id", "zonos_order_number", "state", "hold_reason", "last_error", "order.id", "order.display_id"],
      filters: { id: input.record_id },
    })
    // The column is an enum of exactly these states; the guard only convinces the type checker.
    const state: ZonosImportState = isZonosImportState(record.state) ? record.state : "pending"
    const result: ZonosImportResult = {
      record_id: record.id,
      zonos_order_number: record.zonos_order_number,
      state,
      hold_reason: isZonosHoldReason(record.hold_reason) ? record.hold_reason : null,
      outcome: IMPORT_OUTCOME_BY_STATE[state],
      order_id: record.order?.id ?? null,
      display_id: record.order?.display_id == null ? null : Number(record.order.display_id),
      last_error: record.last_error ?? null,
    }
    return new StepResponse(result)
  }
)
