import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { isAbsent, isJsonObject, JsonObject } from "../json"
import { toCents } from "../money"
import { EndpointContext } from "./endpoint-context"

/**
 * POST /v1/createTempCart: checks the cart and keeps it under a fresh tempCartUUID, which the
 * hosted checkout page (GET /checkout?tempCartUUID=...) then shows and turns into an order.
 */
export function handleCreateTempCart(body: JsonObject, ctx: EndpointContext): HttpAnswer {
  const items = body.items
  if (!Array.isArray(items) || items.length === 0) return errorAnswer(400, "Parameter items is required")
  for (const [index, item] of items.entries()) {
    if (!isJsonObject(item)) return errorAnswer(400, `items[${index}] is not valid`)
    if (isAbsent(item.description)) return errorAnswer(400, `items[${index}].description is required`)
    if (isAbsent(item.quantity) || !Number.isInteger(Number(item.quantity))) {
      return errorAnswer(400, `items[${index}].quantity is required`)
    }
    if (toCents(item.unitPrice) === undefined) return errorAnswer(400, `items[${index}].unitPrice is required`)
  }
  if (!isAbsent(body.externalConfirmationPageURL) && !isHttpUrl(body.externalConfirmationPageURL)) {
    return errorAnswer(400, "externalConfirmationPageURL is not a valid URL")
  }
  const entry = ctx.tempCarts.add(body, ctx.now())
  return jsonAnswer(200, { tempCartUUID: entry.uuid })
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false
  try {
    return ["http:", "https:"].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
