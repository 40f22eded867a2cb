import { MISSING_MERCHANT_ORDER_ID_WINDOW_DAYS } from "./constants"
import { DAY_MS, toEpochMs } from "./dates"
import { isAbsent, JsonObject } from "./json"
import { ZonosOrder } from "./order-builder"

/** A validated orderNumbers query. Every filter given must match (they are ANDed). */
export interface OrderNumbersQuery {
  /** Only orders numbered above this one (sinceOrderId is exclusive). */
  afterOrderNumber?: number
  /** Only orders placed at or after this instant (start of the sinceDate day, UTC). */
  fromMs?: number
  /** Only orders placed before this instant (end of the throughDate day, UTC, exclusive). */
  untilMs?: number
  /** Only orders of the last two weeks whose merchantOrderId was never set. */
  missingMerchantOrderId: boolean
  /** Add orderStatus and orderStatusDate to every entry. */
  statuses: boolean
}

export interface OrderNumbersEntry extends JsonObject {
  id: string
  testOrder: boolean
}

function orderDateOf(order: ZonosOrder): number {
  return toEpochMs(order.orderDate) ?? 0
}

export function matchesOrderNumbersQuery(
  orderNumber: number,
  order: ZonosOrder,
  query: OrderNumbersQuery,
  now: Date,
): boolean {
  const placed = orderDateOf(order)
  if (query.afterOrderNumber !== undefined && orderNumber <= query.afterOrderNumber) return false
  if (query.fromMs !== undefined && placed < query.fromMs) return false
  if (query.untilMs !== undefined && placed >= query.untilMs) return false
  if (query.missingMerchantOrderId) {
    if (!isAbsent(order.merchantOrderId)) return false
    if (placed < now.getTime() - MISSING_MERCHANT_ORDER_ID_WINDOW_DAYS * DAY_MS) return false
  }
  return true
}

/** The `orders` list of an orderNumbers answer, ascending by id. */
export function selectOrderNumbers(
  entries: { orderNumber: number; order: ZonosOrder }[],
  query: OrderNumbersQuery,
  now: Date,
): OrderNumbersEntry[] {
  return [...entries]
    .sort((a, b) => a.orderNumber - b.orderNumber)
    .filter(({ orderNumber, order }) => matchesOrderNumbersQuery(orderNumber, order, query, now))
    .map(({ order }) => {
      const entry: OrderNumbersEntry = { id: String(order.orderId), testOrder: order.testOrder === true }
      if (query.statuses) {
        entry.orderStatus = order.orderStatus
        entry.orderStatusDate = toEpochMs(order.orderStatusDate) ?? null
      }
      return entry
    })
}
