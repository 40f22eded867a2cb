import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { cloneJson, isAbsent, JsonObject } from "../json"
import { EndpointContext } from "./endpoint-context"
import { lookUpOrder } from "./order-lookup"

/** POST /v2/orderDetail: one order, by orderId or by referenceId (never both). */
export function handleOrderDetail(body: JsonObject, ctx: EndpointContext): HttpAnswer {
  const hasOrderId = !isAbsent(body.orderId)
  const hasReferenceId = !isAbsent(body.referenceId)
  if (hasOrderId && hasReferenceId) return errorAnswer(400, "Cannot specify both Parameters orderId and referenceId")
  if (!hasOrderId && !hasReferenceId) return errorAnswer(400, "Parameter orderId or referenceId is required")

  if (hasOrderId) {
    const lookup = lookUpOrder(ctx.store, ctx.storeId, body.orderId)
    if (lookup.kind !== "found") return errorAnswer(400, lookup.message)
    return jsonAnswer(200, { order: cloneJson(lookup.order) })
  }

  const referenceId = String(body.referenceId)
  const matches = ctx.store.findByReferenceId(referenceId)
  if (matches.length === 0) return errorAnswer(400, `No order found for referenceId: ${referenceId} in store ${ctx.storeId}`)
  if (matches.length > 1) return errorAnswer(400, `referenceId: ${referenceId} is duplicated in store ${ctx.storeId}`)
  return jsonAnswer(200, { order: cloneJson(matches[0]) })
}
