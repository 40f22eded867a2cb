import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeZonosOrderId } from "../../../modules/zonos/client"
import {
  IMPORT_OUTCOME_BY_STATE,
  isSettledState,
  isZonosHoldReason,
  isZonosImportState,
  ZonosImportState,
} from "../../../modules/zonos/zonos-order-states"
import type { ZonosImportRun } from "../workflows/import-zonos-order"

/**
 * The answer for an import that found the order's lock held by another import: where the
 * order stands now, as `processing` unless it is imported already (then its real outcome is
 * known). Nothing is written: the holder records what happens, and a busy lock is no failure.
 */
export async function busyZonosImportResult(container: MedusaContainer, zonosOrderId: string): Promise<ZonosImportRun> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const zonosOrderNumber = normalizeZonosOrderId(zonosOrderId)
  const {
    data: [record],
  } = await query.graph({
    entity: "zonos_order",
    fields: ["id", "zonos_order_number", "state", "hold_reason", "last_error", "order.id", "order.display_id"],
    filters: { zonos_order_number: zonosOrderNumber },
  })
  const orderId: string | null = record?.order?.id ?? null
  // The holder creates the row if this is the order's first import; it may not exist yet.
  const state: ZonosImportState = record && isZonosImportState(record.state) ? record.state : "pending"
  return {
    record_id: record?.id ?? "",
    zonos_order_number: zonosOrderNumber,
    state,
    hold_reason: isZonosHoldReason(record?.hold_reason) ? record.hold_reason : null,
    outcome: orderId && isSettledState(state) ? IMPORT_OUTCOME_BY_STATE[state] : "processing",
    order_id: orderId,
    display_id: record?.order?.display_id == null ? null : Number(record.order.display_id),
    last_error: null,
    zonos_error_code: null,
  }
}
