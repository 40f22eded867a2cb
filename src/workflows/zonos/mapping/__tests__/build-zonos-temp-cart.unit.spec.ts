import { buildZonosCheckoutUrl, buildZonosTempCart, CheckoutCart, CheckoutCartError, CheckoutSettings } from "../build-zonos-temp-cart"

const SETTINGS: CheckoutSettings = {
  currencies: ["usd"],
  successUrl: "https://api.shop.example/zonos/success",
  continueShoppingUrl: "https://shop.example/",
  productUrlTemplate: "https://shop.example/products/{handle}",
  weightUnits: "G",
  dimensionUnits: "CM",
}

const cart = (fields: Partial<CheckoutCart> = {}): CheckoutCart => ({
  id: "cart_1",
  currency_code: "usd",
  customer_id: "cus_1",
  items: [
    {
      id: "cali_1",
      product_title: "Travel Jacket",
      variant_title: "M",
      product_handle: "travel jacket",
      variant_id: "variant_jacket",
      variant_sku: "JACKET-M",
      quantity: 2,
      unit_price: "149.995",
      thumbnail: "https://img.example/j.jpg",
      adjustments: [
        { code: "SAVE10", amount: "15" },
        { code: "SAVE10", amount: "14.999" },
      ],
      variant: { weight: 850, hs_code: "6201.40", origin_country: "pt", length: null, product: { width: 30, material: "Nylon" } },
    },
    {
      id: "cali_2",
      title: "Gift card",
      product_title: "Gift card",
      variant_title: "Default variant",
      variant_id: "variant_gift",
      quantity: 1,
      unit_price: 25,
      requires_shipping: false,
      adjustments: [{ code: null, amount: 0 }],
    },
  ],
  ...fields,
})

describe("buildZonosTempCart", () => {
  it("maps lines, customs data and discounts exactly, money as two-decimal strings", () => {
    expect(buildZonosTempCart(cart(), SETTINGS)).toEqual({
      referenceId: "cart_1",
      externalConfirmationPageURL: "https://api.shop.example/zonos/success",
      contShoppingURL: "https://shop.example/",
      misc1: "cus_1",
      misc6: "medusa-plugin-zonos",
      items: [
        {
          productId: "variant_jacket",
          sku: "JACKET-M",
          description: "Travel Jacket - M",
          quantity: 2,
          // bignumber rounding of the half cent: half up
          unitPrice: "150.00",
          imageURL: "https://img.example/j.jpg",
          itemURL: "https://shop.example/products/travel%20jacket",
          weight: "850",
          weightUnits: "G",
          width: "30",
          dimensionUnits: "CM",
          itemHSCode: "6201.40",
          countryOfOrigin: "PT",
          itemMaterial: "Nylon",
        },
        { productId: "variant_gift", description: "Gift card", quantity: 1, unitPrice: "25.00", nonShippable: true },
        // 15 + 14.999 summed exactly, then rounded once
        { description: "Discount SAVE10", sku: "SAVE10", quantity: 1, unitPrice: "-30.00" },
      ],
    })
  })

  it.each([
    [undefined, "not_found", "Cart not found"],
    [cart({ completed_at: new Date() }), "invalid", "Cart cart_1 is already completed"],
    [cart({ items: [] }), "invalid", "Cart cart_1 is empty"],
    [cart({ currency_code: "eur" }), "invalid", "Zonos Checkout is not set up for EUR (it takes USD)"],
    [cart({ items: [{ id: "l", product_title: "Hat", variant_id: "v", quantity: 1, unit_price: null }] }), "invalid", '"Hat" has no price in USD'],
    [cart({ items: [{ id: "l", title: "Engraving", quantity: 1, unit_price: 5 }] }), "invalid", '"Engraving" is not a catalogue item: Zonos Checkout takes catalogue items only'],
  ])("refuses what Zonos cannot take (%#)", (input, kind, message) => {
    let thrown: unknown
    try {
      buildZonosTempCart(input, SETTINGS)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CheckoutCartError)
    expect(thrown).toMatchObject({ kind, message })
  })

  it("builds the hosted checkout URL as the integrations do", () => {
    expect(buildZonosCheckoutUrl("https://checkout.iglobalstores.com/", "999", "uuid-1", "gb")).toBe(
      "https://checkout.iglobalstores.com/?store=999&tempCartUUID=uuid-1&country=GB"
    )
    expect(buildZonosCheckoutUrl("http://127.0.0.1:4010/checkout", "999", "uuid-1", null)).toBe(
      "http://127.0.0.1:4010/checkout?store=999&tempCartUUID=uuid-1"
    )
  })
})
