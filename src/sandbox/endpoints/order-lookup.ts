import { describeOrderId, parseOrderId } from "../order-id"
import { ZonosOrder } from "../order-builder"
import { OrderStore } from "../order-store"

export type OrderLookup =
  | { kind: "found"; order: ZonosOrder; orderNumber: number }
  | { kind: "invalid"; message: string }
  | { kind: "notFound"; message: string }

/** Finds the order an API call names, with the error message Zonos gives when it cannot. */
export function lookUpOrder(
  store: OrderStore,
  storeId: string,
  orderId: unknown,
  notFoundMessage = (id: string) => `Could not find an order with orderId: ${id}`,
): OrderLookup {
  const shown = describeOrderId(orderId)
  const parsed = parseOrderId(orderId, storeId)
  if (parsed.kind === "invalid") return { kind: "invalid", message: `orderId: ${shown} is not a valid orderId` }
  const order = parsed.kind === "valid" ? store.get(parsed.orderNumber) : undefined
  if (!order || parsed.kind !== "valid") return { kind: "notFound", message: notFoundMessage(shown) }
  return { kind: "found", order, orderNumber: parsed.orderNumber }
}
