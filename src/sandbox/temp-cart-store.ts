import { randomUUID } from "node:crypto"
import { cloneJson, JsonObject } from "./json"

/** A cart a merchant handed over with createTempCart, and the order it became once paid. */
export interface TempCart {
  uuid: string
  /** The createTempCart body without the credentials. */
  cart: JsonObject
  createdAt: string
  /** Set once the shopper paid: a second "Pay" (refresh, back button) lands on the same order. */
  orderId?: string
}

/** Temp carts, in memory only (Zonos keeps them until the shopper pays or they expire). */
export class TempCartStore {
  private readonly carts = new Map<string, TempCart>()

  add(body: JsonObject, now: Date): TempCart {
    const { secret: _secret, storeId: _storeId, store: _store, ...cart } = cloneJson(body)
    const entry: TempCart = { uuid: randomUUID(), cart, createdAt: now.toISOString() }
    this.carts.set(entry.uuid, entry)
    return cloneJson(entry)
  }

  /** The stored entry itself (not a copy): for the sandbox's own handlers. */
  get(uuid: string): TempCart | undefined {
    return this.carts.get(uuid)
  }

  list(): TempCart[] {
    return [...this.carts.values()].map((entry) => cloneJson(entry))
  }

  clear(): void {
    this.carts.clear()
  }
}
