import { FIRST_ORDER_NUMBER } from "./constants"
import { formatDateString } from "./dates"
import { cloneJson, isAbsent, JsonObject } from "./json"
import { completeOrder, OrderFieldsError, ZonosOrder } from "./order-builder"
import { parseOrderId } from "./order-id"

/** The sandbox's orders, in memory only, keyed by the number after the store prefix. */
export class OrderStore {
  private readonly orders = new Map<number, ZonosOrder>()
  private nextNumber = FIRST_ORDER_NUMBER

  constructor(readonly storeId: string) {}

  /** Drops every order and loads `orders` (already complete, e.g. the seed). */
  replaceAll(orders: ZonosOrder[]): void {
    this.orders.clear()
    this.nextNumber = FIRST_ORDER_NUMBER
    for (const order of orders) {
      const parsed = parseOrderId(order.orderId, this.storeId)
      if (parsed.kind !== "valid") throw new Error(`order id ${String(order.orderId)} does not belong to store ${this.storeId}`)
      this.orders.set(parsed.orderNumber, cloneJson(order))
      this.nextNumber = Math.max(this.nextNumber, parsed.orderNumber + 1)
    }
  }

  /**
   * Adds an order made from `fields` (see completeOrder). It gets the next free number,
   * or the one in `fields.orderId` when that is given and free.
   */
  add(fields: JsonObject, now: Date): ZonosOrder {
    let orderNumber = this.nextNumber
    if (!isAbsent(fields.orderId)) {
      const parsed = parseOrderId(fields.orderId, this.storeId)
      if (parsed.kind !== "valid") throw new OrderFieldsError(`orderId ${String(fields.orderId)} is not an order id of store ${this.storeId}`)
      if (this.orders.has(parsed.orderNumber)) throw new OrderFieldsError(`order ${this.storeId}-${parsed.orderNumber} already exists`)
      orderNumber = parsed.orderNumber
    }
    const order = completeOrder(fields, { storeId: this.storeId, orderNumber, now })
    this.orders.set(orderNumber, order)
    this.nextNumber = Math.max(this.nextNumber, orderNumber + 1)
    return cloneJson(order)
  }

  /** The stored order itself (not a copy): for the sandbox's own handlers. */
  get(orderNumber: number): ZonosOrder | undefined {
    return this.orders.get(orderNumber)
  }

  /** Looks an order up by an id with or without the store prefix. */
  find(orderId: unknown): ZonosOrder | undefined {
    const parsed = parseOrderId(orderId, this.storeId)
    return parsed.kind === "valid" ? this.orders.get(parsed.orderNumber) : undefined
  }

  findByReferenceId(referenceId: string): ZonosOrder[] {
    return [...this.orders.values()].filter((order) => order.referenceId === referenceId)
  }

  /** Stored orders (not copies) with their numbers, ascending. */
  entries(): { orderNumber: number; order: ZonosOrder }[] {
    return [...this.orders.entries()]
      .sort(([a], [b]) => a - b)
      .map(([orderNumber, order]) => ({ orderNumber, order }))
  }

  /** Copies of all orders, ascending by id. */
  list(): ZonosOrder[] {
    return this.entries().map(({ order }) => cloneJson(order))
  }

  setStatus(order: ZonosOrder, status: string, at: Date): void {
    order.orderStatus = status
    order.orderStatusDate = at.getTime()
    order.orderStatusDateString = formatDateString(at.getTime())
  }
}
