import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { isAbsent, isJsonObject, JsonObject } from "../json"
import { EndpointContext } from "./endpoint-context"
import { lookUpOrder } from "./order-lookup"

/** Reads `trackingList: [{number}]` into the tracking numbers, or answers what is wrong with it. */
export function readTrackingNumbers(value: unknown): { numbers: string[] } | { error: string } {
  if (!Array.isArray(value) || value.length === 0) return { error: "Parameter trackingList is required" }
  const numbers: string[] = []
  for (const [index, entry] of value.entries()) {
    const number = isJsonObject(entry) ? entry.number : undefined
    if ((typeof number !== "string" && typeof number !== "number") || String(number).trim() === "") {
      return { error: `trackingList[${index}].number is required` }
    }
    numbers.push(String(number).trim())
  }
  return { numbers }
}

/** POST /v2/setShipmentTracking: stores the tracking numbers on the order (comma-joined `trackingNumber`). */
export function handleSetShipmentTracking(body: JsonObject, ctx: EndpointContext): HttpAnswer {
  if (isAbsent(body.orderId)) return errorAnswer(400, "Parameter orderId is required")
  const tracking = readTrackingNumbers(body.trackingList)
  if ("error" in tracking) return errorAnswer(400, tracking.error)
  const lookup = lookUpOrder(ctx.store, ctx.storeId, body.orderId)
  if (lookup.kind !== "found") return errorAnswer(400, lookup.message)
  lookup.order.trackingNumber = tracking.numbers.join(",")
  return jsonAnswer(200, { success: `Updated Order: ${lookup.orderNumber} with new tracking info.` })
}
