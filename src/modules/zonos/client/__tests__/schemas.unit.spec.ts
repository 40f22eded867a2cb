import {
  zonosOrderDetailResponseSchema,
  zonosOrderNumbersResponseSchema,
} from "../schemas"

describe("orderDetail schema", () => {
  it("requires only order.orderId and keeps unknown keys", () => {
    const parsed = zonosOrderDetailResponseSchema.parse({
      order: { orderId: 1001, brandNewKey: { nested: true } },
      extraTopLevel: 1,
    })
    expect(parsed.order.orderId).toBe("1001")
    expect(parsed.order.brandNewKey).toEqual({ nested: true })
    expect(parsed.extraTopLevel).toBe(1)
  })

  it("accepts nulls wherever a field is optional", () => {
    const parsed = zonosOrderDetailResponseSchema.parse({
      order: {
        orderId: "999-1001",
        merchantOrderId: null,
        testOrder: null,
        grandTotal: null,
        promoCode: null,
        items: null,
        notes: null,
        paymentProcessing: null,
        dutyTaxesBreakdown: null,
        zip: null,
      },
    })
    expect(parsed.order.grandTotal).toBeNull()
    expect(parsed.order.promoCode).toBeNull()
  })

  it("coerces booleans, amounts, quantities and text", () => {
    const { order } = zonosOrderDetailResponseSchema.parse({
      order: {
        orderId: "999-1001",
        testOrder: "true",
        cslListMatch: "FALSE",
        zip: 12345,
        grandTotal: "75.840",
        dutyTaxesBreakdown: { duty: 1.5, vatTax: "2.00", customFee: "n/a" },
        promoCode: { code: "WELCOME5", amount: "5.00" },
        items: [
          { productId: "p1", quantity: "2", unitPrice: "25.00", itemBrand: "Acme" },
          { description: "Discount", quantity: 1, unitPrice: -5 },
        ],
        orderDate: "1700000000000",
      },
    })
    expect(order.testOrder).toBe(true)
    expect(order.cslListMatch).toBe(false)
    expect(order.zip).toBe("12345")
    expect(order.grandTotal).toBe("75.84")
    expect(order.dutyTaxesBreakdown?.duty).toBe("1.5")
    expect(order.dutyTaxesBreakdown?.vatTax).toBe("2")
    expect(order.dutyTaxesBreakdown?.customFee).toBe("n/a")
    expect(order.promoCode?.amount).toBe("5")
    expect(order.items?.[0]?.quantity).toBe(2)
    expect(order.items?.[0]?.unitPrice).toBe("25")
    expect(order.items?.[0]?.itemBrand).toBe("Acme")
    expect(order.items?.[1]?.unitPrice).toBe("-5")
    expect(order.orderDate).toBe(1_700_000_000_000)
  })

  it("names the first bad field", () => {
    const result = zonosOrderDetailResponseSchema.safeParse({
      order: { orderId: "999-1", items: [{ unitPrice: "abc" }] },
    })
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(result.error.issues[0]?.path).toEqual(["order", "items", 0, "unitPrice"])
    }
  })

  it("rejects a missing or invalid orderId", () => {
    expect(zonosOrderDetailResponseSchema.safeParse({ order: {} }).success).toBe(false)
    expect(zonosOrderDetailResponseSchema.safeParse({ order: { orderId: "abc" } }).success).toBe(false)
    expect(zonosOrderDetailResponseSchema.safeParse({}).success).toBe(false)
  })
})

describe("orderNumbers schema", () => {
  it("reads status and statusDate from either key and keeps the rest", () => {
    const parsed = zonosOrderNumbersResponseSchema.parse({
      count: 2,
      orders: [
        { id: "999-1", testOrder: false, orderStatus: "IGLOBAL_FRAUD_REVIEW", orderStatusDate: 1700000000000 },
        { id: 2, status: "SOMETHING_NEW", statusDate: "20240101", extra: "kept" },
        { id: "3" },
      ],
    })
    expect(parsed.count).toBe(2)
    expect(parsed.orders.map((o) => [o.id, o.status, o.statusDate])).toEqual([
      ["999-1", "IGLOBAL_FRAUD_REVIEW", "1700000000000"],
      ["2", "SOMETHING_NEW", "20240101"],
      ["3", null, null],
    ])
    expect(parsed.orders[1]?.extra).toBe("kept")
  })

  it("reads a missing orders key as no orders", () => {
    expect(zonosOrderNumbersResponseSchema.parse({}).orders).toEqual([])
    expect(zonosOrderNumbersResponseSchema.parse({ orders: null }).orders).toEqual([])
  })

  it("requires an id on each order", () => {
    expect(zonosOrderNumbersResponseSchema.safeParse({ orders: [{ testOrder: true }] }).success).toBe(false)
  })
})
