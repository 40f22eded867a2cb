import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { isAbsent, JsonObject } from "../json"
import { isVendorLockedStatus, isVendorStatus } from "../order-statuses"
import { EndpointContext } from "./endpoint-context"
import { lookUpOrder } from "./order-lookup"

/**
 * POST /v1/updateVendorOrderStatus: the merchant moves an order through the VENDOR_*
 * statuses. Refused (HTTP 200 with `error`) while Zonos holds the order: fraud review,
 * on hold, cancelled (either spelling), labels processing, or a final vendor status.
 */
export function handleUpdateVendorOrderStatus(body: JsonObject, ctx: EndpointContext): HttpAnswer {
  if (isAbsent(body.orderId)) return errorAnswer(400, "Parameter orderId is required")
  const status = body.orderStatus
  if (isAbsent(status)) return errorAnswer(400, "Parameter orderStatus is required")
  if (typeof status !== "string" || !isVendorStatus(status)) {
    return errorAnswer(400, `orderStatus: ${String(status)} is not a valid vendor order status`)
  }
  const lookup = lookUpOrder(ctx.store, ctx.storeId, body.orderId)
  if (lookup.kind !== "found") return errorAnswer(400, lookup.message)
  const current = lookup.order.orderStatus
  if (isVendorLockedStatus(current)) {
    return errorAnswer(
      200,
      `Cannot update orderStatus of order ${String(lookup.order.orderId)}: order is in status ${String(current)}`,
    )
  }
  ctx.store.setStatus(lookup.order, status, ctx.now())
  return jsonAnswer(200, { success: `Updated Order: ${lookup.orderNumber} with new orderStatus: ${status}` })
}
