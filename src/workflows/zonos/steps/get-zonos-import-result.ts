import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  isZonosHoldReason,
  isZonosImportState,
  ZonosHoldReason,
  ZonosImportState,
} from "../../../modules/zonos/zonos-order-states"

export type ZonosImportOutcome =
  | "imported"
  | "on_hold"
  | "cancelled"
  | "needs_attention"
  | "processing"
  | "failed"
  | "not_found"

export type ZonosImportResult = {
  record_id: string
  zonos_order_id: string
  state: ZonosImportState
  hold_reason: ZonosHoldReason | null
  outcome: ZonosImportOutcome
  order_id: string | null
  display_id: number | null
  last_error: string | null
}

const OUTCOME_BY_STATE: Record<ZonosImportState, ZonosImportOutcome> = {
  imported: "imported",
  held: "on_hold",
  cancelled: "cancelled",
  needs_attention: "needs_attention",
  pending: "processing",
  failed: "failed",
  not_found: "not_found",
}

/** Reads back where the Zonos order stands after the import: what routes and the sweep report. */
export const getZonosImportResultStep = createStep(
  "get-zonos-import-result",
  async (input: { record_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [record],
    } = await query.graph({
      entity: "zonos_order",
      fields: ["id", "zonos_order_id", "state", "hold_reason", "last_error", "order.id", "order.display_id"],
      filters: { id: input.record_id },
    })
    // The column is an enum of exactly these states; the guard only convinces the type checker.
    const state: ZonosImportState = isZonosImportState(record.state) ? record.state : "pending"
    const result: ZonosImportResult = {
      record_id: record.id,
      zonos_order_id: record.zonos_order_id,
      state,
      hold_reason: isZonosHoldReason(record.hold_reason) ? record.hold_reason : null,
      outcome: OUTCOME_BY_STATE[state],
      order_id: record.order?.id ?? null,
      display_id: record.order?.display_id == null ? null : Number(record.order.display_id),
      last_error: record.last_error ?? null,
    }
    return new StepResponse(result)
  }
)
