import { CallRecorder } from "./call-recorder"
import { EndpointContext } from "./endpoints/endpoint-context"
import { FaultInjector } from "./faults"
import { cloneJson, JsonObject } from "./json"
import { ZonosOrder } from "./order-builder"
import { OrderStore } from "./order-store"
import { buildSeedOrders } from "./seed-orders"
import { TempCartStore } from "./temp-cart-store"
import { SandboxFaults } from "./types"

export interface SandboxStateOptions {
  storeId: string
  secret: string
  seed: boolean
  now: () => Date
}

/** Thrown when an operation names an order the sandbox does not have. */
export class UnknownOrderError extends Error {
  constructor(orderId: string) {
    super(`No order ${orderId} in the sandbox`)
    this.name = "UnknownOrderError"
  }
}

/**
 * Everything the sandbox knows: orders, faults and the call record. Shared by the
 * programmatic API, the control API and the Zonos API handlers.
 */
export class SandboxState {
  readonly storeId: string
  readonly secret: string
  readonly now: () => Date
  readonly store: OrderStore
  readonly tempCarts = new TempCartStore()
  readonly faults = new FaultInjector()
  readonly recorder: CallRecorder
  private readonly seed: boolean

  constructor(options: SandboxStateOptions) {
    this.storeId = options.storeId
    this.secret = options.secret
    this.now = options.now
    this.seed = options.seed
    this.store = new OrderStore(options.storeId)
    this.recorder = new CallRecorder(options.secret)
    this.loadSeed()
  }

  private loadSeed(): void {
    this.store.replaceAll(this.seed ? buildSeedOrders(this.storeId, this.now()) : [])
  }

  endpointContext(): EndpointContext {
    return { store: this.store, tempCarts: this.tempCarts, storeId: this.storeId, now: this.now }
  }

  addOrder(fields: JsonObject = {}): ZonosOrder {
    return this.store.add(fields, this.now())
  }

  setOrderStatus(orderId: string, status: string): ZonosOrder {
    if (typeof status !== "string" || status.trim() === "") throw new TypeError("status must be a non-empty string")
    const order = this.store.find(orderId)
    if (!order) throw new UnknownOrderError(orderId)
    this.store.setStatus(order, status, this.now())
    return cloneJson(order)
  }

  getOrder(orderId: string): ZonosOrder | undefined {
    const order = this.store.find(orderId)
    return order ? cloneJson(order) : undefined
  }

  listOrders(): ZonosOrder[] {
    return this.store.list()
  }

  setFaults(faults: SandboxFaults): void {
    this.faults.set(faults)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  reset(): void {
    this.loadSeed()
    this.tempCarts.clear()
    this.faults.clear()
    this.recorder.clear()
  }
}
