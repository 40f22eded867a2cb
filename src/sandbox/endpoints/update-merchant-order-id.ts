import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { isAbsent, JsonObject } from "../json"
import { EndpointContext } from "./endpoint-context"
import { lookUpOrder } from "./order-lookup"

/**
 * POST /v1/updateMerchantOrderId: records the merchant's own order number. Zonos answers
 * this endpoint's validation errors with HTTP 200 and an `error` key, and so does the sandbox.
 */
export function handleUpdateMerchantOrderId(body: JsonObject, ctx: EndpointContext): HttpAnswer {
  if (isAbsent(body.orderId)) return errorAnswer(200, "Parameter orderId is required to processUpdateMerchantOrderId")
  const merchantOrderId = body.merchantOrderId
  if (isAbsent(merchantOrderId)) return errorAnswer(200, "Parameter merchantOrderId is required to updateMerchantOrderId.")
  if (typeof merchantOrderId !== "string" && typeof merchantOrderId !== "number") {
    return errorAnswer(200, "could not parse input: merchantOrderId must be a string")
  }
  const lookup = lookUpOrder(
    ctx.store,
    ctx.storeId,
    body.orderId,
    (id) => `Could not retrieve order to updateMerchantOrderId for orderId: ${id}`,
  )
  if (lookup.kind !== "found") return errorAnswer(200, lookup.message)
  lookup.order.merchantOrderId = String(merchantOrderId)
  return jsonAnswer(200, {
    success: `Updated Order: ${lookup.orderNumber} with new merchantOrderId: ${String(merchantOrderId)}`,
  })
}
