import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { ZonosOrderDetail } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory, ZonosImportSource } from "../../../modules/zonos/utils/history"
import { MedusaCancellation, stateAfterZonosStatus } from "../../../modules/zonos/zonos-order-states"
import { zonosOrderMetadata, zonosOrderMetadataDiffers, zonosStatusAction } from "../mapping/zonos-status"

export type ApplyZonosStatusInput = {
  record_id: string
  order_id: string
  detail: ZonosOrderDetail
  source: ZonosImportSource
}

/**
 * Brings the Medusa order in step with the Zonos status: hold it (fraud review, Zonos
 * hold, screening-list match, test order), release a hold Zonos lifted, or cancel it with
 * cancelOrderWorkflow. Where the row goes is `stateAfterZonosStatus`'s decision; this step
 * only carries it out. A cancellation Medusa refuses (e.g. already fulfilled) leaves the
 * row "needs attention" with Medusa's reason; nothing crashes. Unknown statuses are
 * stored and shown, with no transition.
 */
export const applyZonosStatusStep = createStep(
  "apply-zonos-status",
  async (input: ApplyZonosStatusInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orderModule = container.resolve(Modules.ORDER)
    // The fields the decision and the update use; the stored orderDetail is replaced, not read.
    const record = await zonos.readZonosOrderColumns(input.record_id, [
      "id",
      "state",
      "hold_reason",
      "released_by",
      "last_error",
      "reference_id",
      "zonos_status",
      "zonos_status_at",
      "history",
    ])
    const detail = input.detail
    const action = zonosStatusAction(detail, { holdTestOrders: zonos.getSettings().holdTestOrders })
    const now = new Date()

    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "status", "metadata"], filters: { id: input.order_id } })

    // The one side effect the decision needs first: Medusa's answer to a cancellation.
    let cancellation: MedusaCancellation = "not_asked"
    let lastError: string | null = record.last_error
    if (action.kind === "cancel") {
      if (order.status === "canceled") {
        cancellation = "already_cancelled"
      } else {
        const { errors } = await cancelOrderWorkflow(container).run({
          input: { order_id: input.order_id, canceled_by: "zonos" },
          throwOnError: false,
        })
        cancellation = errors.length ? "refused" : "cancelled"
        if (errors.length) {
          lastError = `Zonos cancelled this order but Medusa could not cancel it: ${errors[0].error.message}`
        }
      }
    }
    const next = stateAfterZonosStatus(
      { state: record.state, hold_reason: record.hold_reason, released_by_merchant: Boolean(record.released_by) },
      action,
      cancellation
    )
    const state = next.state
    const holdReason = next.hold_reason
    const event = next.event

    const zonosStatus = detail.orderStatus ?? record.zonos_status
    await zonos.patchZonosOrder(record.id, {
      state,
      hold_reason: holdReason,
      last_error: lastError,
      reference_id: detail.referenceId ?? record.reference_id,
      zonos_status: zonosStatus,
      zonos_status_at: toDate(detail.orderStatusDate) ?? record.zonos_status_at,
      test_order: Boolean(detail.testOrder),
      csl_match: Boolean(detail.cslListMatch),
      order_detail: detail,
      last_checked_at: now,
      history: event
        ? appendHistory(record.history, { at: now.toISOString(), source: input.source, event })
        : record.history,
    })

    // Cancelled orders too: a hold must not outlive the row's in the order's metadata.
    const metadata = zonosOrderMetadata({ state, hold_reason: holdReason, zonos_status: zonosStatus })
    if (zonosOrderMetadataDiffers(order.metadata, metadata)) {
      await orderModule.updateOrders(input.order_id, { metadata: { ...(order.metadata ?? {}), ...metadata } })
    }
    return new StepResponse({ state, hold_reason: state === "held" ? holdReason : null })
  }
)

function toDate(value: unknown): Date | null {
  if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) {
    const date = new Date(Number(value))
    return Number.isNaN(date.getTime()) ? null : date
  }
  return null
}
