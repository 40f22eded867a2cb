import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { isVendorOrderStatus, VendorOrderStatus } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory } from "../../../modules/zonos/utils/history"
import { nextAttemptAt } from "../../../modules/zonos/utils/retry-schedule"
import { normaliseTrackingNumbers, planShipmentUpdate, readShipmentSync } from "../plans/plan-shipment-sync"

export type SendZonosShipmentUpdateInput = {
  order_id: string
  /** The vendor status this event means, e.g. VENDOR_SHIPMENT_READY when shipped. */
  vendor_status?: VendorOrderStatus | null
  /** Send again what Zonos already has ("Send again" in the admin). */
  force?: boolean
}

export type ZonosShipmentUpdateResult = {
  zonos_order_number: string | null
  sent_tracking: string[] | null
  sent_vendor_status: string | null
  error: string | null
}

type TrackedOrder = {
  id: string
  zonos_order?: { id: string; zonos_order_number: string; zonos_status?: string | null; shipment_sync?: unknown; shipment_sync_due_at?: string | Date | null; history?: Record<string, unknown> | null } | null
  fulfillments?: ({ canceled_at?: string | Date | null; labels?: ({ tracking_number?: string | null } | null)[] | null } | null)[] | null
}

/**
 * Tells Zonos what shipped: all the order's tracking numbers (setShipmentTracking) and the
 * vendor status, each only when Zonos does not have it yet. A refusal (held, in review,
 * cancelled, labels processing) or an outage is recorded on the zonos_order row and retried by
 * the sweep; it is never thrown, since this runs behind Medusa's own fulfilment flow.
 * Orders that did not come from Zonos are left alone.
 */
export const sendZonosShipmentUpdateStep = createStep(
  "send-zonos-shipment-update",
  async (input: SendZonosShipmentUpdateInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "zonos_order.id",
        "zonos_order.zonos_order_number",
        "zonos_order.shipment_sync",
        "zonos_order.zonos_status",
        "zonos_order.shipment_sync_due_at",
        "zonos_order.history",
        "fulfillments.canceled_at",
        "fulfillments.labels.tracking_number",
      ],
      filters: { id: input.order_id },
    })
    const order: TrackedOrder | undefined = data[0]
    const record = order?.zonos_order
    if (!record) {
      return new StepResponse<ZonosShipmentUpdateResult>({ zonos_order_number: null, sent_tracking: null, sent_vendor_status: null, error: null })
    }

    const sync = readShipmentSync(record.shipment_sync)
    const tracking = normaliseTrackingNumbers(
      (order.fulfillments ?? [])
        .filter((fulfillment) => fulfillment && !fulfillment.canceled_at)
        .flatMap((fulfillment) => (fulfillment?.labels ?? []).map((label) => label?.tracking_number))
    )
    const zonosCancelled = ["IGLOBAL_ORDER_CANCELLED", "IGLOBAL_ORDER_CANCELED"].includes(String(record.zonos_status))
    const plan = planShipmentUpdate(sync, tracking, input.vendor_status ?? null, input.force ?? false, zonosCancelled)
    if (zonosCancelled && sync.pending_vendor_status === "VENDOR_CANCELLATION_REQUEST") {
      sync.pending_vendor_status = null
    }
    const result: ZonosShipmentUpdateResult = {
      zonos_order_number: record.zonos_order_number,
      sent_tracking: null,
      sent_vendor_status: null,
      error: null,
    }
    if (!plan.tracking && !plan.vendor_status) {
      if (record.shipment_sync_due_at && !sync.pending_tracking && !sync.pending_vendor_status) {
        // Nothing left to send (e.g. a dropped cancellation request): stop the sweep retrying.
        await zonos.updateZonosOrders({ id: record.id, shipment_sync: sync, shipment_sync_due_at: null })
      }
      return new StepResponse(result)
    }

    const now = new Date()
    const errors: string[] = []
    let history = record.history ?? null
    if (plan.tracking) {
      try {
        await zonos.client.setShipmentTracking(record.zonos_order_number, plan.tracking)
        sync.tracking_numbers = plan.tracking
        sync.tracking_sent_at = now.toISOString()
        sync.pending_tracking = false
        result.sent_tracking = plan.tracking
        history = appendHistory(history, { at: now.toISOString(), source: "system", event: "tracking_sent", detail: plan.tracking.join(", ") })
      } catch (error) {
        sync.pending_tracking = true
        errors.push(`tracking: ${message(error)}`)
      }
    }
    const status = plan.vendor_status
    if (status && isVendorOrderStatus(status)) {
      try {
        await zonos.client.updateVendorOrderStatus(record.zonos_order_number, status)
        sync.vendor_status = status
        sync.vendor_status_sent_at = now.toISOString()
        sync.pending_vendor_status = null
        result.sent_vendor_status = status
        history = appendHistory(history, { at: now.toISOString(), source: "system", event: "vendor_status_sent", detail: status })
      } catch (error) {
        sync.pending_vendor_status = status
        errors.push(`${status}: ${message(error)}`)
      }
    }

    if (errors.length) {
      sync.attempts += 1
      sync.last_error = errors.join("; ")
      sync.last_error_at = now.toISOString()
      result.error = sync.last_error
      history = appendHistory(history, { at: now.toISOString(), source: "system", event: "shipment_update_refused", detail: sync.last_error })
    } else {
      sync.attempts = 0
      sync.last_error = null
      sync.last_error_at = null
    }
    await zonos.updateZonosOrders({
      id: record.id,
      shipment_sync: sync,
      shipment_sync_due_at: errors.length ? nextAttemptAt(sync.attempts, now) : null,
      history,
      // Zonos's status is now the vendor status it accepted (what orderDetail will answer).
      ...(result.sent_vendor_status ? { zonos_status: result.sent_vendor_status, zonos_status_at: now } : {}),
    })
    return new StepResponse(result)
  }
)

function message(error: unknown): string {
  // The client's errors never carry the secret.
  return error instanceof Error ? error.message : String(error)
}
