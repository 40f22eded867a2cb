import { HttpAnswer } from "../http-io"
import { JsonObject } from "../json"
import { OrderStore } from "../order-store"
import { TempCartStore } from "../temp-cart-store"

export interface EndpointContext {
  store: OrderStore
  tempCarts: TempCartStore
  storeId: string
  now: () => Date
}

/** Handles an API call whose headers, body and credentials were already checked. */
export type EndpointHandler = (body: JsonObject, ctx: EndpointContext) => HttpAnswer
