import { randomUUID } from "node:crypto"
import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { isAbsent, isJsonObject, JsonObject } from "../json"
import { toCents } from "../money"
import { EndpointContext } from "./endpoint-context"

/**
 * POST /v1/createTempCart, minimal: checks the items and answers a fresh tempCartUUID.
 * No hosted checkout exists behind it; orders are made with addOrder or the control API.
 */
export function handleCreateTempCart(body: JsonObject, _ctx: EndpointContext): HttpAnswer {
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
  return jsonAnswer(200, { tempCartUUID: randomUUID() })
}
