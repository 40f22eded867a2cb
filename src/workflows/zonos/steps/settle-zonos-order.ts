import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { ZonosOrderDetail } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory, historyEntries, ZonosHistory, ZonosImportSource } from "../../../modules/zonos/utils/history"
import {
  MedusaCancellation,
  stateAfterZonosStatus,
  ZonosRowStanding,
} from "../../../modules/zonos/zonos-order-states"
import { zonosOrderMetadata, zonosOrderMetadataDiffers, zonosStatusAction } from "../mapping/zonos-status"
import { ZonosOrderAsCreated } from "../plans/plan-zonos-import"

export type SettleZonosOrderInput = {
  record_id: string
  order_id: string
  detail: ZonosOrderDetail
  source: ZonosImportSource
  /**
   * This import made (or finished) the Medusa order: the row is recorded as imported, with what
   * the merchant should know in its history. Null for an order imported before (a re-read).
   */
  imported: {
    notes: string[]
    shortfalls: { variant_id: string; sku: string | null }[]
  } | null
  /**
   * The order as this import just created it (status and metadata), so it is not read back;
   * null when the order is older than this import (found, adopted): then it is read.
   */
  created_order: ZonosOrderAsCreated | null
}

/** The row's columns this step writes and, if a later step fails, puts back. */
const RESTORED_COLUMNS = ["state", "hold_reason", "attempts", "imported_at", "last_error", "next_attempt_at", "dismissed_at", "history"] as const

/**
 * Records where a Zonos order that has a Medusa order stands, in one write of its row:
 * imported (when this import made or finished the order), and in step with its Zonos status:
 * held (fraud review, Zonos hold, screening-list match, test order), a Zonos hold released, or
 * cancelled with cancelOrderWorkflow. Where the row goes is `stateAfterZonosStatus`'s decision;
 * this step carries it out. A cancellation Medusa refuses (e.g. already fulfilled) leaves the
 * row "needs attention" with Medusa's reason; nothing crashes. Unknown statuses are stored and
 * shown, with no transition. The order's metadata follows the row (zonosOrderMetadata), written
 * only when it says something else.
 */
export const settleZonosOrderStep = createStep(
  "settle-zonos-order",
  async (input: SettleZonosOrderInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    // The fields the decision and the write use; the stored orderDetail is replaced, not read.
    const before = await zonos.readZonosOrderColumns(input.record_id, [
      "id",
      ...RESTORED_COLUMNS,
      "released_by",
      "reference_id",
      "zonos_status",
      "zonos_status_at",
    ])
    const order = input.created_order ?? (await readOrder(container, input.order_id))
    const detail = input.detail
    const action = zonosStatusAction(detail, { holdTestOrders: zonos.getSettings().holdTestOrders })
    const now = new Date()
    const at = now.toISOString()

    let history: ZonosHistory = { entries: historyEntries(before.history) }
    let lastError: string | null = input.imported ? null : before.last_error
    if (input.imported) {
      history = appendHistory(history, { at, source: input.source, event: "imported", detail: `Medusa order ${input.order_id}` })
      for (const note of input.imported.notes) {
        history = appendHistory(history, { at, source: "system", event: "note", detail: note })
      }
      for (const shortfall of input.imported.shortfalls) {
        history = appendHistory(history, {
          at,
          source: "system",
          event: "stock_shortfall",
          detail: `Not enough stock for ${shortfall.sku ?? shortfall.variant_id}: imported as a custom item, check before shipping`,
        })
      }
    }

    // The one side effect the decision needs first: Medusa's answer to a cancellation.
    let cancellation: MedusaCancellation = "not_asked"
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
      { state: before.state, hold_reason: before.hold_reason, released_by_merchant: Boolean(before.released_by) },
      action,
      cancellation
    )
    if (next.event) {
      history = appendHistory(history, { at, source: input.source, event: next.event })
    }

    const zonosStatus = detail.orderStatus ?? before.zonos_status
    await zonos.patchZonosOrder(before.id, {
      state: next.state,
      hold_reason: next.hold_reason,
      last_error: lastError,
      reference_id: detail.referenceId ?? before.reference_id,
      zonos_status: zonosStatus,
      zonos_status_at: toDate(detail.orderStatusDate) ?? before.zonos_status_at,
      test_order: Boolean(detail.testOrder),
      csl_match: Boolean(detail.cslListMatch),
      order_detail: detail,
      last_checked_at: now,
      history,
      ...(input.imported
        ? {
            attempts: before.attempts + 1,
            imported_at: now,
            next_attempt_at: null,
            // An order that imports after all is no longer dismissed: it must show in the list.
            dismissed_at: null,
          }
        : {}),
    })

    // Cancelled orders too: a hold must not outlive the row's in the order's metadata.
    const metadata = zonosOrderMetadata({ state: next.state, hold_reason: next.hold_reason, zonos_status: zonosStatus })
    if (zonosOrderMetadataDiffers(order.metadata, metadata)) {
      await container.resolve(Modules.ORDER).updateOrders(input.order_id, { metadata: { ...(order.metadata ?? {}), ...metadata } })
    }
    const standing: ZonosRowStanding = { state: next.state, hold_reason: next.hold_reason, last_error: lastError }
    return new StepResponse(standing, before)
  },
  async (before, { container }) => {
    if (!before) return
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    await zonos.patchZonosOrder(before.id, {
      state: before.state,
      hold_reason: before.hold_reason,
      attempts: before.attempts,
      imported_at: before.imported_at,
      last_error: before.last_error,
      next_attempt_at: before.next_attempt_at,
      dismissed_at: before.dismissed_at,
      history: before.history,
    })
  }
)

async function readOrder(container: MedusaContainer, orderId: string): Promise<{ status: string; metadata: Record<string, unknown> | null }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "status", "metadata"], filters: { id: orderId } })
  return { status: String(order.status), metadata: order.metadata ?? null }
}

function toDate(value: unknown): Date | null {
  if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) {
    const date = new Date(Number(value))
    return Number.isNaN(date.getTime()) ? null : date
  }
  return null
}
