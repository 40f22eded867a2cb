/** What starting Zonos Checkout for a cart came to. */
export type ZonosCheckoutAnswer =
  | { status: "started"; checkout_url: string; temp_cart_uuid: string }
  /** Zonos answered and refused the cart (HTTP 4xx or an error body): sending it again will not help. */
  | { status: "zonos_refused"; message: string }
  /** Zonos did not answer usefully (timeout, 5xx, network, credentials, a body it should not send). */
  | { status: "zonos_unavailable"; message: string }

export const ZONOS_CHECKOUT_BUSY = "Too many checkouts are starting at once; try again in a moment"

/**
 * The HTTP answer of `POST /store/zonos/checkout`. A Zonos failure is the storefront's to show,
 * never a 5xx: 400 when Zonos refused this cart, 424 (Failed Dependency) when Zonos could not be
 * used right now, 429 past the route's in-flight bound (`busy`).
 */
export function zonosCheckoutHttpAnswer(answer: ZonosCheckoutAnswer | "busy"): {
  status: number
  body: { checkout_url: string; temp_cart_uuid: string } | { type: string; message: string }
} {
  if (answer === "busy") return { status: 429, body: { type: "too_many_requests", message: ZONOS_CHECKOUT_BUSY } }
  switch (answer.status) {
    case "started":
      return { status: 200, body: { checkout_url: answer.checkout_url, temp_cart_uuid: answer.temp_cart_uuid } }
    case "zonos_refused":
      return { status: 400, body: { type: answer.status, message: answer.message } }
    case "zonos_unavailable":
      return { status: 424, body: { type: answer.status, message: answer.message } }
  }
}
