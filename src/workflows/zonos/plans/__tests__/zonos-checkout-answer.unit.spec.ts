import { ZONOS_CHECKOUT_BUSY, zonosCheckoutHttpAnswer } from "../zonos-checkout-answer"

describe("zonosCheckoutHttpAnswer", () => {
  it("answers the checkout page and the temp cart, and nothing else, when Zonos took the cart", () => {
    expect(
      zonosCheckoutHttpAnswer({ status: "started", checkout_url: "https://checkout.example/?tempCartUUID=u1", temp_cart_uuid: "u1" })
    ).toEqual({ status: 200, body: { checkout_url: "https://checkout.example/?tempCartUUID=u1", temp_cart_uuid: "u1" } })
  })

  it("never answers a 5xx for a Zonos failure: 400 when Zonos refused the cart, 424 when it could not be used", () => {
    expect(zonosCheckoutHttpAnswer({ status: "zonos_refused", message: "Zonos could not start the checkout: bad item" })).toEqual({
      status: 400,
      body: { type: "zonos_refused", message: "Zonos could not start the checkout: bad item" },
    })
    expect(zonosCheckoutHttpAnswer({ status: "zonos_unavailable", message: "Zonos could not start the checkout: timed out" })).toEqual({
      status: 424,
      body: { type: "zonos_unavailable", message: "Zonos could not start the checkout: timed out" },
    })
  })

  it("answers 429 past the in-flight bound", () => {
    expect(zonosCheckoutHttpAnswer("busy")).toEqual({ status: 429, body: { type: "too_many_requests", message: ZONOS_CHECKOUT_BUSY } })
  })
})
