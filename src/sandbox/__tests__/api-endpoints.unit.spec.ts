import { SANDBOX_SECRET, startZonosSandbox, ZonosSandbox } from "../index"
import { callApi, ids, rawPost, TEST_NOW } from "./sandbox-test-client"

describe("Zonos sandbox API over HTTP", () => {
  let sandbox: ZonosSandbox

  beforeAll(async () => {
    sandbox = await startZonosSandbox({ port: 0, now: () => TEST_NOW })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => sandbox.reset())

  it("listens on loopback with the documented defaults", () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`)
    expect(sandbox.port).toBeGreaterThan(0)
    expect(sandbox.storeId).toBe("999")
    expect(sandbox.secret).toBe(SANDBOX_SECRET)
  })

  describe("shared request checks", () => {
    it("answers 415 with HTML for a wrong Content-Type", async () => {
      const reply = await rawPost(sandbox, "/v2/orderDetail", "{}", { "Content-Type": "text/plain", Accept: "application/json" })
      expect(reply.status).toBe(415)
      expect(reply.contentType).toMatch(/text\/html/)
      expect(reply.json).toBeUndefined()
    })

    it("answers 406 with HTML when application/json is not acceptable", async () => {
      const reply = await rawPost(sandbox, "/v2/orderDetail", "{}", { "Content-Type": "application/json", Accept: "text/html" })
      expect(reply.status).toBe(406)
      expect(reply.contentType).toMatch(/text\/html/)
    })

    it("accepts Accept */* and a charset on Content-Type", async () => {
      const body = JSON.stringify({ store: "999", secret: SANDBOX_SECRET, orderId: "999-1001" })
      const reply = await rawPost(sandbox, "/v2/orderDetail", body, { "Content-Type": "application/json; charset=utf-8", Accept: "*/*" })
      expect(reply.status).toBe(200)
    })

    it("answers 400 Invalid post body for a body that is not a JSON object", async () => {
      for (const body of ["{not json", "[1,2]", ""]) {
        const reply = await rawPost(sandbox, "/v2/orderDetail", body)
        expect(reply.status).toBe(400)
        expect(reply.json).toEqual({ error: "Invalid post body" })
      }
    })

    it("refuses a wrong secret, a missing secret and a wrong store with 400 Invalid security credentials", async () => {
      const bodies = [
        { store: "999", secret: "00000000-0000-0000-0000-000000000000", orderId: "999-1001" },
        { store: "999", orderId: "999-1001" },
        { store: "998", secret: SANDBOX_SECRET, orderId: "999-1001" },
        { store: "999", storeId: "998", secret: SANDBOX_SECRET, orderId: "999-1001" },
      ]
      for (const body of bodies) {
        const reply = await rawPost(sandbox, "/v2/orderDetail", JSON.stringify(body))
        expect(reply.status).toBe(400)
        expect(reply.json).toEqual({ error: "Invalid security credentials" })
        expect(reply.text).not.toContain(SANDBOX_SECRET)
      }
      const numbers = await rawPost(sandbox, "/v1/orderNumbers", JSON.stringify({ storeId: "999", secret: SANDBOX_SECRET }))
      expect(numbers.json).toEqual({ error: "Invalid security credentials" })
    })

    it("accepts the store id as a number", async () => {
      const reply = await rawPost(sandbox, "/v1/orderNumbers", JSON.stringify({ store: 999, secret: SANDBOX_SECRET }))
      expect(reply.status).toBe(200)
    })

    it("answers 404 for unknown paths and wrong API versions, 405 for GET", async () => {
      for (const path of ["/v1/nothing", "/v2/orderNumbers", "/v1/orderDetail"]) {
        const reply = await callApi(sandbox, path)
        expect(reply.status).toBe(404)
        expect(reply.json).toEqual({ error: "Not found" })
      }
      const get = await fetch(`${sandbox.url}/v2/orderDetail`)
      expect(get.status).toBe(405)
      await get.text()
    })
  })

  describe("POST /v2/orderDetail", () => {
    it("answers {order} by orderId with prefix, without prefix and as a number", async () => {
      for (const orderId of ["999-1001", "1001", 1001]) {
        const reply = await callApi(sandbox, "/v2/orderDetail", { orderId })
        expect(reply.status).toBe(200)
        const order = reply.json?.order
        expect(order.orderId).toBe("999-1001")
        expect(order.countryCode).toBe("GB")
        expect(order.foreignCurrencyCode).toBe("GBP")
        expect(order.orderStatus).toBe("IGLOBAL_ORDER_IN_PROCESS")
        expect(order.items).toHaveLength(2)
        expect(order.items[0]).toMatchObject({ sku: "SHIRT-M", productId: expect.any(String) })
      }
    })

    it("finds an order by referenceId", async () => {
      const referenceId = sandbox.getOrder("999-1003")?.referenceId
      expect(referenceId).toMatch(/^cart_01/)
      const reply = await callApi(sandbox, "/v2/orderDetail", { referenceId })
      expect(reply.status).toBe(200)
      expect(reply.json?.order.orderId).toBe("999-1003")
    })

    it("takes the store id as `storeId` too, and wants one of the two", async () => {
      const withStoreId = await callApi(sandbox, "/v2/orderDetail", { orderId: "999-1002" }, { storeKey: "storeId" })
      expect(withStoreId.json?.order.orderId).toBe("999-1002")
      const both = await rawPost(sandbox, "/v2/orderDetail", JSON.stringify({ store: "999", storeId: 999, secret: SANDBOX_SECRET, orderId: "1002" }))
      expect(both.status).toBe(200)
      const neither = await rawPost(sandbox, "/v2/orderDetail", JSON.stringify({ secret: SANDBOX_SECRET, orderId: "1002" }))
      expect(neither.status).toBe(400)
      expect(neither.json).toEqual({ error: "Parameter store is required" })
    })

    it("refuses both orderId and referenceId, and neither", async () => {
      const both = await callApi(sandbox, "/v2/orderDetail", { orderId: "999-1001", referenceId: "cart_01X" })
      expect(both.status).toBe(400)
      expect(both.json).toEqual({ error: "Cannot specify both Parameters orderId and referenceId" })
      const neither = await callApi(sandbox, "/v2/orderDetail", {})
      expect(neither.status).toBe(400)
      expect(neither.json).toEqual({ error: "Parameter orderId or referenceId is required" })
    })

    it("answers the documented errors for invalid and unknown orders", async () => {
      const invalid = await callApi(sandbox, "/v2/orderDetail", { orderId: "abc" })
      expect(invalid.status).toBe(400)
      expect(invalid.json).toEqual({ error: "orderId: abc is not a valid orderId" })
      const unknown = await callApi(sandbox, "/v2/orderDetail", { orderId: "999-99999" })
      expect(unknown.status).toBe(400)
      expect(unknown.json).toEqual({ error: "Could not find an order with orderId: 999-99999" })
      const otherStore = await callApi(sandbox, "/v2/orderDetail", { orderId: "123-1001" })
      expect(otherStore.json).toEqual({ error: "Could not find an order with orderId: 123-1001" })
      const unknownRef = await callApi(sandbox, "/v2/orderDetail", { referenceId: "cart_nope" })
      expect(unknownRef.status).toBe(400)
      expect(unknownRef.json).toEqual({ error: "No order found for referenceId: cart_nope in store 999" })
    })
  })

  describe("POST /v1/orderNumbers", () => {
    const all = Array.from({ length: 12 }, (_, i) => `999-${1001 + i}`)

    it("lists every order, ascending, with a count, when given no filter", async () => {
      const reply = await callApi(sandbox, "/v1/orderNumbers")
      expect(reply.status).toBe(200)
      expect(ids(reply)).toEqual(all)
      expect(reply.json?.count).toBe(12)
      expect(reply.json?.orders[0]).toEqual({ id: "999-1001", testOrder: false })
      expect(reply.json?.orders.find((o: { id: string }) => o.id === "999-1008").testOrder).toBe(true)
    })

    it("filters by sinceOrderId (exclusive), with or without prefix", async () => {
      for (const sinceOrderId of ["999-1010", "1010", 1010]) {
        expect(ids(await callApi(sandbox, "/v1/orderNumbers", { sinceOrderId }))).toEqual(["999-1011", "999-1012"])
      }
      const invalid = await callApi(sandbox, "/v1/orderNumbers", { sinceOrderId: "x-1" })
      expect(invalid.status).toBe(400)
      expect(invalid.json?.error).toEqual(expect.any(String))
    })

    it("filters by sinceDate and throughDate (UTC days, inclusive)", async () => {
      expect(ids(await callApi(sandbox, "/v1/orderNumbers", { sinceDate: "20250615" }))).toEqual(["999-1001", "999-1002", "999-1003"])
      expect(ids(await callApi(sandbox, "/v1/orderNumbers", { sinceDate: "20250614", throughDate: "20250614" }))).toEqual([
        "999-1004", "999-1005", "999-1006", "999-1007",
      ])
      expect(ids(await callApi(sandbox, "/v1/orderNumbers", { sinceDate: "20250613", throughDate: "20250613" }))).toEqual([
        "999-1008", "999-1009", "999-1010",
      ])
      expect(ids(await callApi(sandbox, "/v1/orderNumbers", { sinceDate: "20250101" }))).toEqual(all)
      expect(ids(await callApi(sandbox, "/v1/orderNumbers", { sinceDate: "20250616" }))).toEqual([])
    })

    it("refuses sinceOrderId together with sinceDate, and malformed dates", async () => {
      const both = await callApi(sandbox, "/v1/orderNumbers", { sinceOrderId: "999-1001", sinceDate: "20250614" })
      expect(both.status).toBe(400)
      expect(both.json?.error).toMatch(/sinceOrderId.*sinceDate/)
      for (const sinceDate of ["2025-06-14", "20251341", "yesterday"]) {
        const reply = await callApi(sandbox, "/v1/orderNumbers", { sinceDate })
        expect(reply.status).toBe(400)
        expect(reply.json?.error).toMatch(/sinceDate/)
      }
      const through = await callApi(sandbox, "/v1/orderNumbers", { sinceDate: "20250614", throughDate: "June" })
      expect(through.status).toBe(400)
    })

    it("lists orders missing a merchantOrderId until updateMerchantOrderId sets one", async () => {
      const old = sandbox.addOrder({ orderDate: TEST_NOW.getTime() - 20 * 24 * 3600 * 1000 })
      const before = ids(await callApi(sandbox, "/v1/orderNumbers", { missingMerchantOrderId: true }))
      expect(before).toEqual(all)
      expect(before).not.toContain(old.orderId)

      const update = await callApi(sandbox, "/v1/updateMerchantOrderId", { orderId: "999-1001", merchantOrderId: "order_01ABC" })
      expect(update.status).toBe(200)
      expect(update.json?.success).toEqual(expect.any(String))
      expect(update.json?.error).toBeUndefined()
      expect(sandbox.getOrder("1001")?.merchantOrderId).toBe("order_01ABC")

      const after = ids(await callApi(sandbox, "/v1/orderNumbers", { missingMerchantOrderId: true }))
      expect(after).toEqual(all.slice(1))
    })

    it("adds orderStatus and orderStatusDate (ms) with statuses: true", async () => {
      const reply = await callApi(sandbox, "/v1/orderNumbers", { statuses: true, sinceOrderId: "999-1003" })
      const fraud = reply.json?.orders[0]
      expect(fraud).toEqual({
        id: "999-1004",
        testOrder: false,
        orderStatus: "IGLOBAL_FRAUD_REVIEW",
        orderStatusDate: sandbox.getOrder("999-1004")?.orderStatusDate,
      })
      expect(typeof fraud.orderStatusDate).toBe("number")
      const plain = await callApi(sandbox, "/v1/orderNumbers", { sinceOrderId: "999-1003" })
      expect(plain.json?.orders[0].orderStatus).toBeUndefined()
    })
  })

  describe("POST /v1/updateMerchantOrderId", () => {
    it("answers validation errors with HTTP 200 and an error key", async () => {
      const cases: Record<string, unknown>[] = [
        { merchantOrderId: "order_01" },
        { orderId: "999-1001" },
        { orderId: "999-99999", merchantOrderId: "order_01" },
        { orderId: "not-an-id", merchantOrderId: "order_01" },
      ]
      for (const params of cases) {
        const reply = await callApi(sandbox, "/v1/updateMerchantOrderId", params)
        expect(reply.status).toBe(200)
        expect(reply.json?.error).toEqual(expect.any(String))
        expect(reply.json?.success).toBeUndefined()
      }
      expect(sandbox.getOrder("999-1001")?.merchantOrderId).toBeNull()
    })
  })

  describe("POST /v1/updateVendorOrderStatus", () => {
    it("sets a VENDOR_* status and the status date", async () => {
      const reply = await callApi(sandbox, "/v1/updateVendorOrderStatus", { orderId: "1001", orderStatus: "VENDOR_PREPARING_ORDER" })
      expect(reply.status).toBe(200)
      expect(reply.json?.success).toEqual(expect.any(String))
      const order = sandbox.getOrder("999-1001")
      expect(order?.orderStatus).toBe("VENDOR_PREPARING_ORDER")
      expect(order?.orderStatusDate).toBe(TEST_NOW.getTime())
    })

    it("refuses values that are not VENDOR_* with 400", async () => {
      const reply = await callApi(sandbox, "/v1/updateVendorOrderStatus", { orderId: "1001", orderStatus: "IGLOBAL_ORDER_CANCELLED" })
      expect(reply.status).toBe(400)
      expect(reply.json?.error).toEqual(expect.any(String))
    })

    it("refuses (HTTP 200 + error) while the order is in fraud review, on hold, cancelled or labels processing", async () => {
      sandbox.addOrder({ orderStatus: "IGLOBAL_ORDER_CANCELED" })
      for (const orderId of ["999-1004", "999-1010", "999-1011", "999-1012", "999-1013"]) {
        const statusBefore = sandbox.getOrder(orderId)?.orderStatus
        const reply = await callApi(sandbox, "/v1/updateVendorOrderStatus", { orderId, orderStatus: "VENDOR_SHIPMENT_READY" })
        expect(reply.status).toBe(200)
        expect(reply.json?.error).toEqual(expect.any(String))
        expect(sandbox.getOrder(orderId)?.orderStatus).toBe(statusBefore)
      }
    })
  })

  describe("POST /v2/setShipmentTracking", () => {
    it("stores the tracking numbers on the order, comma-joined", async () => {
      const reply = await callApi(sandbox, "/v2/setShipmentTracking", {
        orderId: "999-1002",
        trackingList: [{ number: "1Z204E380338943508" }, { number: "1Z204E380338943509" }],
      })
      expect(reply.status).toBe(200)
      expect(reply.json?.success).toEqual(expect.any(String))
      expect(sandbox.getOrder("1002")?.trackingNumber).toBe("1Z204E380338943508,1Z204E380338943509")
      const detail = await callApi(sandbox, "/v2/orderDetail", { orderId: "1002" })
      expect(detail.json?.order.trackingNumber).toBe("1Z204E380338943508,1Z204E380338943509")
    })

    it("refuses a missing or malformed trackingList and unknown orders", async () => {
      for (const params of [
        { orderId: "999-1002" },
        { orderId: "999-1002", trackingList: [{ numbers: "1Z" }] },
        { orderId: "999-99999", trackingList: [{ number: "1Z" }] },
      ]) {
        const reply = await callApi(sandbox, "/v2/setShipmentTracking", params)
        expect(reply.status).toBe(400)
        expect(reply.json?.error).toEqual(expect.any(String))
      }
    })
  })

  describe("POST /v1/createTempCart", () => {
    it("answers a tempCartUUID, with storeId as the store key", async () => {
      const items = [{ description: "Oxford Shirt", quantity: 1, unitPrice: 45.0 }]
      const reply = await callApi(sandbox, "/v1/createTempCart", { referenceId: "cart_01NEW", items }, { storeKey: "storeId" })
      expect(reply.status).toBe(200)
      expect(reply.json?.tempCartUUID).toMatch(/^[0-9a-f-]{36}$/)
      const withStore = await callApi(sandbox, "/v1/createTempCart", { items })
      expect(withStore.json).toEqual({ error: "Invalid security credentials" })
      const noItems = await callApi(sandbox, "/v1/createTempCart", {}, { storeKey: "storeId" })
      expect(noItems.status).toBe(400)
    })
  })
})
