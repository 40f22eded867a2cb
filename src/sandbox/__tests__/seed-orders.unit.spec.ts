import { buildSeedOrders, describeSeedOrders, SANDBOX_FX_RATES, startZonosSandbox } from "../index"
import { TEST_NOW } from "./sandbox-test-client"

/*
 * The money rule, checked with this file's own integer-cent arithmetic (BigInt, no floats,
 * no code shared with the sandbox's money module).
 */

type Order = Record<string, any>

/** A JSON number or numeric string with at most two decimals, as integer cents. */
function cents(value: unknown): bigint {
  const text = typeof value === "number" ? String(value) : value
  if (typeof text !== "string" || !/^-?\d+(\.\d{1,2})?$/.test(text)) {
    throw new Error(`not a 2-decimal amount: ${JSON.stringify(value)}`)
  }
  const negative = text.startsWith("-")
  const [whole, fraction = ""] = text.replace("-", "").split(".")
  const abs = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"))
  return negative ? -abs : abs
}

/** USD cents to the shopper currency, rounded half away from zero to the currency's smallest unit. */
function convert(usdCents: bigint, currency: string): bigint {
  const info = SANDBOX_FX_RATES[currency]
  const [whole, fraction = ""] = info.rate.split(".")
  const numerator = usdCents * BigInt(whole + fraction)
  const step = 10n ** BigInt(2 - info.minorUnits)
  const denominator = 10n ** BigInt(fraction.length) * step
  const abs = numerator < 0n ? -numerator : numerator
  const rounded = (2n * abs + denominator) / (2n * denominator)
  return (numerator < 0n ? -rounded : rounded) * step
}

const BREAKDOWN = ["duty", "vatTax", "brokerageFee", "dispursementFee", "vatOnDispursementFee", "prepaymentFee"]

function checkMoneyRule(order: Order): void {
  const label = String(order.orderId)
  const items = order.items as Order[]
  const itemsTotal = items.reduce((sum, item) => sum + BigInt(item.quantity) * cents(item.unitPrice), 0n)
  const breakdown = BREAKDOWN.map((key) => cents(order.dutyTaxesBreakdown[key]))
  const duty = breakdown.reduce((a, b) => a + b, 0n)
  const promo = order.promoCode ? cents(order.promoCode.amount) : 0n
  const shipping = cents(order.shippingTotal)

  expect([label, cents(order.itemsTotal)]).toEqual([label, itemsTotal])
  expect([label, cents(order.dutyTaxesTotal)]).toEqual([label, duty])
  expect([label, cents(order.grandTotal)]).toEqual([label, itemsTotal + shipping + duty - promo])

  const currency = order.foreignCurrencyCode
  expect(SANDBOX_FX_RATES[currency]).toBeDefined()
  const itemsF = cents(order.itemsTotalForeign)
  const shippingF = cents(order.shippingTotalForeign)
  const dutyF = cents(order.dutyTaxesTotalForeign)
  expect([label, itemsF]).toEqual([label, convert(itemsTotal, currency)])
  expect([label, shippingF]).toEqual([label, convert(shipping, currency)])
  expect([label, dutyF]).toEqual([label, breakdown.reduce((sum, part) => sum + convert(part, currency), 0n)])
  expect([label, cents(order.grandTotalForeign)]).toEqual([label, itemsF + shippingF + dutyF - convert(promo, currency)])
}

describe("seed orders", () => {
  const orders: Order[] = buildSeedOrders("999", TEST_NOW)

  it("are about a dozen, numbered 999-1001 upward, with unique cart_01 referenceIds", () => {
    expect(orders.length).toBeGreaterThanOrEqual(12)
    expect(orders.map((o) => o.orderId)).toEqual(orders.map((_, i) => `999-${1001 + i}`))
    const refs = orders.map((o) => o.referenceId)
    expect(new Set(refs).size).toBe(orders.length)
    for (const ref of refs) expect(ref).toMatch(/^cart_01[0-9A-Z]{24}$/)
    expect(describeSeedOrders("999").map((d) => d.orderId)).toEqual(orders.map((o) => o.orderId))
  })

  it("obey the money rule exactly, in USD and in the shopper currency", () => {
    for (const order of orders) checkMoneyRule(order)
  })

  it("are deterministic and dated within the last three days", () => {
    expect(buildSeedOrders("999", TEST_NOW)).toEqual(orders)
    for (const order of orders) {
      expect(order.orderDate).toBeLessThanOrEqual(TEST_NOW.getTime())
      expect(order.orderDate).toBeGreaterThan(TEST_NOW.getTime() - 3 * 24 * 3600 * 1000)
      expect(order.orderDateString).toBe(new Date(order.orderDate).toISOString())
      expect(order.merchantOrderId).toBeNull()
    }
  })

  it("cover the cases the importer must handle", () => {
    const byCountry = (cc: string) => orders.filter((o) => o.countryCode === cc)
    const currencies = new Set(orders.map((o) => `${o.countryCode}/${o.foreignCurrencyCode}`))
    for (const pair of ["GB/GBP", "DE/EUR", "CA/CAD", "AU/AUD", "JP/JPY"]) expect(currencies).toContain(pair)

    const gb = byCountry("GB")[0]
    expect(gb.orderStatus).toBe("IGLOBAL_ORDER_IN_PROCESS")
    expect(gb.items).toHaveLength(2)
    expect(gb.items[0]).toMatchObject({ sku: "SHIRT-M", productId: expect.any(String) })

    expect(orders.some((o) => o.zip === "" && ["HK", "AE"].includes(o.countryCode))).toBe(true)
    expect(orders.some((o) => o.name === "Maria de la Cruz Santos")).toBe(true)
    expect(orders.some((o) => o.items.some((i: Order) => cents(i.unitPrice) < 0n && i.productId === undefined))).toBe(true)
    expect(orders.some((o) => o.promoCode && o.promoCode.code)).toBe(true)
    expect(orders.some((o) => cents(o.dutyTaxesTotal) > 0n && BREAKDOWN.filter((k) => cents(o.dutyTaxesBreakdown[k]) > 0n).length >= 2)).toBe(true)
    expect(orders.filter((o) => typeof o.grandTotal === "string").length).toBeGreaterThanOrEqual(2)
    expect(orders.some((o) => o.giftWrap === true && o.loyaltyTier === "gold")).toBe(true)
    expect(orders.some((o) => o.testOrder === true)).toBe(true)
    expect(orders.some((o) => o.cslListMatch === true)).toBe(true)
    expect(orders.some((o) => o.billingAddress1 === "")).toBe(true)
    const statuses = orders.map((o) => o.orderStatus)
    for (const status of ["IGLOBAL_FRAUD_REVIEW", "IGLOBAL_ORDER_ON_HOLD", "IGLOBAL_ORDER_CANCELLED"]) expect(statuses).toContain(status)

    const jp = byCountry("JP")[0]
    expect(cents(jp.grandTotalForeign) % 100n).toBe(0n)
  })

  it("carry every key the contract lists for an order", () => {
    const keys = [
      "orderId", "referenceId", "merchantOrderId", "orderStatus", "orderStatusDate", "orderDate", "orderDateString",
      "testOrder", "cslListMatch", "name", "email", "phone", "address1", "address2", "address3", "city", "state", "zip",
      "countryCode", "countryName", "billingName", "billingAddress1", "billingCity", "billingCountryCode", "items",
      "itemsTotal", "shippingTotal", "dutyTaxesTotal", "grandTotal", "itemsTotalForeign", "shippingTotalForeign",
      "dutyTaxesTotalForeign", "grandTotalForeign", "foreignCurrencyCode", "dutyTaxesBreakdown",
      "customerSelectedShippingName", "shippingCarrierServiceLevel", "paymentProcessing", "notes", "poNumber",
      "misc1", "misc2", "misc3", "misc4", "misc5", "misc6", "nationalIdentifier", "birthDate",
    ]
    for (const order of orders) {
      for (const key of keys) expect([order.orderId, key, key in order]).toEqual([order.orderId, key, true])
      for (const item of order.items as Order[]) {
        if (item.productId === undefined) continue
        for (const key of ["sku", "description", "quantity", "unitPrice", "itemBrand", "itemHSCode", "countryOfOrigin", "weight", "weightUnits"]) {
          expect(item[key]).toBeDefined()
        }
      }
      expect(Object.keys(order.paymentProcessing)).toEqual(
        expect.arrayContaining(["paymentGateway", "paymentProcessor", "cardType", "lastFour", "transactionId", "transactionType", "captureDate", "captureDateString"]),
      )
    }
  })
})

describe("addOrder", () => {
  it("fills defaults that obey the money rule, and computes totals from what is given", async () => {
    const sandbox = await startZonosSandbox({ seed: false, now: () => TEST_NOW })
    try {
      expect(sandbox.listOrders()).toEqual([])
      const plain = sandbox.addOrder()
      expect(plain.orderId).toBe("999-1001")
      expect(plain.orderDate).toBe(TEST_NOW.getTime())
      checkMoneyRule(plain)

      const custom = sandbox.addOrder({
        countryCode: "JP",
        items: [
          { productId: "p1", sku: "A", description: "A", quantity: 3, unitPrice: "19.99" },
          { description: "Discount", quantity: 1, unitPrice: "-5.00" },
        ],
        shippingTotal: "12.34",
        dutyTaxesBreakdown: { duty: "1.11", vatTax: "2.22" },
        promoCode: { code: "TEN", amount: "10.00" },
      })
      expect(custom.orderId).toBe("999-1002")
      expect(custom.foreignCurrencyCode).toBe("JPY")
      expect(custom.itemsTotal).toBe("54.97")
      expect(custom.grandTotal).toBe("60.64")
      checkMoneyRule(custom)

      const explicit = sandbox.addOrder({ orderId: "999-2000", grandTotal: 1 })
      expect(explicit.orderId).toBe("999-2000")
      expect(explicit.grandTotal).toBe(1)
      expect(sandbox.addOrder().orderId).toBe("999-2001")
      expect(() => sandbox.addOrder({ orderId: "999-2000" })).toThrow()

      sandbox.setOrderStatus("2000", "IGLOBAL_ORDER_CANCELLED")
      expect(sandbox.getOrder("999-2000")?.orderStatus).toBe("IGLOBAL_ORDER_CANCELLED")
      expect(() => sandbox.setOrderStatus("999-31337", "X")).toThrow()
    } finally {
      await sandbox.close()
    }
  })

  it("returns copies: changing them does not change the sandbox", async () => {
    const sandbox = await startZonosSandbox({ now: () => TEST_NOW })
    try {
      const order = sandbox.getOrder("999-1001")
      if (!order) throw new Error("seed order missing")
      order.orderStatus = "MUTATED"
      expect(sandbox.getOrder("999-1001")?.orderStatus).toBe("IGLOBAL_ORDER_IN_PROCESS")
    } finally {
      await sandbox.close()
    }
  })
})
