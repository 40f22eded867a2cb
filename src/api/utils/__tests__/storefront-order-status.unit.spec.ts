import { storefrontOrderStatus } from "../storefront-order-status"

describe("storefrontOrderStatus", () => {
  it("says processing until the order exists, placed once it does (held or not), cancelled when Zonos cancelled", () => {
    expect(storefrontOrderStatus(null)).toBe("processing")
    expect(storefrontOrderStatus({ state: "failed", has_order: false })).toBe("processing")
    expect(storefrontOrderStatus({ state: "pending", has_order: false })).toBe("processing")
    expect(storefrontOrderStatus({ state: "imported", has_order: true })).toBe("placed")
    expect(storefrontOrderStatus({ state: "held", has_order: true })).toBe("placed")
    expect(storefrontOrderStatus({ state: "needs_attention", has_order: true })).toBe("placed")
    expect(storefrontOrderStatus({ state: "cancelled", has_order: true })).toBe("cancelled")
    expect(storefrontOrderStatus({ state: "cancelled", has_order: false })).toBe("cancelled")
  })
})
