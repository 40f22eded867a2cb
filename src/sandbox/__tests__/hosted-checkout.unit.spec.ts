import { startZonosSandbox, ZonosSandbox } from "../index"
import { callApi, TEST_NOW } from "./sandbox-test-client"

/** A cart as the plugin sends it: two lines, one discount item, a confirmation URL with a query. */
const CART = {
  referenceId: "cart_01TESTCART",
  externalConfirmationPageURL: "http://shop.test/zonos/success?src=zonos",
  contShoppingURL: "http://shop.test/",
  misc1: "cus_1",
  misc6: "medusa-plugin-zonos",
  items: [
    { productId: "variant_a", sku: "A-1", description: "Shirt", quantity: 2, unitPrice: "45.00", weight: "400", weightUnits: "G" },
    { productId: "variant_b", sku: "B-1", description: "Belt", quantity: 1, unitPrice: "38.50" },
    { description: "Discount SAVE10", sku: "SAVE10", quantity: 1, unitPrice: "-12.85" },
  ],
}

describe("the sandbox's hosted checkout", () => {
  let sandbox: ZonosSandbox
  beforeAll(async () => {
    sandbox = await startZonosSandbox({ port: 0, now: () => TEST_NOW })
  })
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  const createCart = async (cart: Record<string, unknown> = CART) => {
    const reply = await callApi(sandbox, "/v1/createTempCart", cart, { storeKey: "storeId" })
    expect(reply.status).toBe(200)
    return String(reply.json?.tempCartUUID)
  }
  const pay = (uuid: string, outcome = "normal", country = "GB") =>
    fetch(`${sandbox.url}/checkout/pay`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ tempCartUUID: uuid, outcome, country, email: "jane@example.com", name: "Jane Doe" }).toString(),
      redirect: "manual",
    })

  it("keeps the cart createTempCart received, without the credentials", async () => {
    const uuid = await createCart()
    const [stored] = sandbox.tempCarts()
    expect(stored.uuid).toBe(uuid)
    expect(stored.cart).toEqual(CART)
  })

  it("shows the cart with its items, totals and a Pay button", async () => {
    const uuid = await createCart()
    const response = await fetch(`${sandbox.url}/checkout?store=999&tempCartUUID=${uuid}&country=DE`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain("Shirt")
    expect(html).toContain("Discount SAVE10")
    // items 2 x 45 + 38.50 - 12.85 = 115.65; shipping 12 + 3 units x 2.50 = 19.50;
    // duties 5 % + 20 % of 115.65 = 5.78 + 23.13 = 28.91; total 164.06
    expect(html).toContain('<span id="items-total">115.65</span>')
    expect(html).toContain('<span id="shipping-total">19.50</span>')
    expect(html).toContain('<span id="duties-total">28.91</span>')
    expect(html).toContain('<span id="grand-total">164.06</span>')
    expect(html).toContain('<option value="DE" selected>')
    expect(html).toMatch(/<button[^>]*id="pay"[^>]*>Pay<\/button>/)
  })

  it("answers 404 for an unknown temp cart", async () => {
    const response = await fetch(`${sandbox.url}/checkout?tempCartUUID=nope`)
    expect(response.status).toBe(404)
  })

  it("Pay makes the order from the temp cart and redirects to the confirmation page with orderId", async () => {
    const uuid = await createCart()
    const response = await pay(uuid)
    expect(response.status).toBe(303)
    const location = new URL(String(response.headers.get("location")))
    expect(`${location.origin}${location.pathname}`).toBe("http://shop.test/zonos/success")
    expect(location.searchParams.get("src")).toBe("zonos")
    const orderId = String(location.searchParams.get("orderId"))
    expect(orderId).toMatch(/^999-\d+$/)

    const detail = await callApi(sandbox, "/v2/orderDetail", { orderId })
    const order = detail.json?.order
    expect(order).toMatchObject({
      referenceId: "cart_01TESTCART",
      orderStatus: "IGLOBAL_ORDER_IN_PROCESS",
      testOrder: false,
      cslListMatch: false,
      email: "jane@example.com",
      name: "Jane Doe",
      countryCode: "GB",
      misc1: "cus_1",
      misc6: "medusa-plugin-zonos",
      itemsTotal: "115.65",
      shippingTotal: "19.50",
      dutyTaxesTotal: "28.91",
      grandTotal: "164.06",
    })
    expect(order.items).toEqual(CART.items)
  })

  it.each([
    ["fraud_review", { orderStatus: "IGLOBAL_FRAUD_REVIEW" }],
    ["csl_match", { cslListMatch: true }],
    ["test_order", { testOrder: true }],
  ])("the %s choice makes that kind of order", async (outcome, expected) => {
    const uuid = await createCart()
    const response = await pay(uuid, outcome)
    const orderId = String(new URL(String(response.headers.get("location"))).searchParams.get("orderId"))
    expect(sandbox.getOrder(orderId)).toMatchObject(expected)
  })

  it("paying the same temp cart again lands on the same order", async () => {
    const uuid = await createCart()
    const first = (await pay(uuid)).headers.get("location")
    const before = sandbox.listOrders().length
    const second = (await pay(uuid)).headers.get("location")
    expect(second).toBe(first)
    expect(sandbox.listOrders().length).toBe(before)
  })

  it("refuses a cart without items or with an unpriced item", async () => {
    expect((await callApi(sandbox, "/v1/createTempCart", { ...CART, items: [] }, { storeKey: "storeId" })).status).toBe(400)
    const unpriced = { ...CART, items: [{ description: "X", quantity: 1 }] }
    expect((await callApi(sandbox, "/v1/createTempCart", unpriced, { storeKey: "storeId" })).status).toBe(400)
    expect(sandbox.tempCarts()).toEqual([])
  })
})
