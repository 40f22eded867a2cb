import { DAY_MS, parseYyyymmdd } from "../dates"
import { errorAnswer, HttpAnswer, jsonAnswer } from "../http-io"
import { isAbsent, isTrueFlag, JsonObject } from "../json"
import { describeOrderId, parseOrderId } from "../order-id"
import { OrderNumbersQuery, selectOrderNumbers } from "../order-numbers-filter"
import { EndpointContext } from "./endpoint-context"

type QueryOrError = { query: OrderNumbersQuery } | { error: string }

export function parseOrderNumbersQuery(body: JsonObject, storeId: string): QueryOrError {
  const hasSinceOrderId = !isAbsent(body.sinceOrderId)
  const hasSinceDate = !isAbsent(body.sinceDate)
  const hasThroughDate = !isAbsent(body.throughDate)
  if (hasSinceOrderId && hasSinceDate) return { error: "Cannot specify both Parameters sinceOrderId and sinceDate" }

  const query: OrderNumbersQuery = {
    missingMerchantOrderId: isTrueFlag(body.missingMerchantOrderId),
    statuses: isTrueFlag(body.statuses),
  }
  if (hasSinceOrderId) {
    const parsed = parseOrderId(body.sinceOrderId, storeId)
    if (parsed.kind !== "valid") return { error: `sinceOrderId: ${describeOrderId(body.sinceOrderId)} is not a valid orderId` }
    query.afterOrderNumber = parsed.orderNumber
  }
  if (hasSinceDate) {
    const from = parseYyyymmdd(body.sinceDate)
    if (from === undefined) return { error: `sinceDate: ${String(body.sinceDate)} is not a valid date, expected yyyymmdd` }
    query.fromMs = from
  }
  if (hasThroughDate) {
    if (!hasSinceDate) return { error: "Parameter throughDate can only be used with sinceDate" }
    const through = parseYyyymmdd(body.throughDate)
    if (through === undefined) return { error: `throughDate: ${String(body.throughDate)} is not a valid date, expected yyyymmdd` }
    query.untilMs = through + DAY_MS
  }
  return { query }
}

/** POST /v1/orderNumbers: the ids of completed orders, for reconciliation. */
export function handleOrderNumbers(body: JsonObject, ctx: EndpointContext): HttpAnswer {
  const parsed = parseOrderNumbersQuery(body, ctx.storeId)
  if ("error" in parsed) return errorAnswer(400, parsed.error)
  const orders = selectOrderNumbers(ctx.store.entries(), parsed.query, ctx.now())
  return jsonAnswer(200, { orders, count: orders.length })
}
