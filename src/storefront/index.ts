/**
 * For storefronts: start Zonos Checkout for a cart through the plugin's store route.
 * Works with Medusa's JS SDK (`new Medusa({ baseUrl, publishableKey })`), whose client adds
 * the publishable key; imports nothing from the backend, so a browser bundle stays small.
 *
 *   const { checkout_url } = await startZonosCheckout(sdk, cart.id)
 *   window.location.assign(checkout_url)
 */

export type StartZonosCheckoutResponse = {
  /** Zonos's hosted checkout page for this cart: send the shopper's browser there. */
  checkout_url: string
  /** The tempCartUUID Zonos gave the cart. */
  temp_cart_uuid: string
}

/** The part of `@medusajs/js-sdk`'s client this helper uses (any object with it will do). */
export type ZonosStoreClient = {
  client: {
    fetch<T>(input: string, init?: { method?: string; body?: Record<string, unknown> }): Promise<T>
  }
}

export const ZONOS_CHECKOUT_ROUTE = "/store/zonos/checkout"

/** POST /store/zonos/checkout { cart_id }; rejects with the route's message (e.g. "Cart ... is empty"). */
export function startZonosCheckout(sdk: ZonosStoreClient, cartId: string): Promise<StartZonosCheckoutResponse> {
  return sdk.client.fetch<StartZonosCheckoutResponse>(ZONOS_CHECKOUT_ROUTE, { method: "POST", body: { cart_id: cartId } })
}
