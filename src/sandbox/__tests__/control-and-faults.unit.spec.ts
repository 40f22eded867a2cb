import { SANDBOX_SECRET, startZonosSandbox, ZonosSandbox } from "../index"
import { callApi, control, rawPost, TEST_NOW } from "./sandbox-test-client"

describe("Zonos sandbox control API, faults and call record", () => {
  let sandbox: ZonosSandbox

  beforeAll(async () => {
    sandbox = await startZonosSandbox({ now: () => TEST_NOW })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => sandbox.reset())

  describe("control API", () => {
    it("reports health and lists orders", async () => {
      const health = await control(sandbox, "GET", "/health")
      expect(health.status).toBe(200)
      expect(health.json).toMatchObject({ status: "ok", storeId: "999", orders: 12 })
      const list = await control(sandbox, "GET", "/orders")
      expect(list.json.count).toBe(12)
      expect(list.json.orders.map((o: { orderId: string }) => o.orderId)[0]).toBe("999-1001")
      const one = await control(sandbox, "GET", "/orders/1004")
      expect(one.json.orderStatus).toBe("IGLOBAL_FRAUD_REVIEW")
      const missing = await control(sandbox, "GET", "/orders/999-4242")
      expect(missing.status).toBe(404)
    })

    it("adds an order (201) that the API then serves", async () => {
      const created = await control(sandbox, "POST", "/orders", {
        name: "Ana Lima",
        countryCode: "DE",
        items: [{ productId: "prod_01X", sku: "X-1", description: "Thing", quantity: 3, unitPrice: 10.1 }],
        shippingTotal: 12,
      })
      expect(created.status).toBe(201)
      expect(created.json.orderId).toBe("999-1013")
      expect(created.json.itemsTotal).toBe(30.3)
      expect(created.json.foreignCurrencyCode).toBe("EUR")
      const detail = await callApi(sandbox, "/v2/orderDetail", { orderId: "999-1013" })
      expect(detail.json?.order).toEqual(created.json)
      const bad = await control(sandbox, "POST", "/orders", { items: [{ quantity: 1, unitPrice: "ten" }] })
      expect(bad.status).toBe(400)
    })

    it("changes an order's status, which the API then reports", async () => {
      const changed = await control(sandbox, "POST", "/orders/999-1004/status", { orderStatus: "IGLOBAL_ORDER_IN_PROCESS" })
      expect(changed.status).toBe(200)
      expect(changed.json.orderStatus).toBe("IGLOBAL_ORDER_IN_PROCESS")
      const detail = await callApi(sandbox, "/v2/orderDetail", { orderId: "1004" })
      expect(detail.json?.order.orderStatus).toBe("IGLOBAL_ORDER_IN_PROCESS")
      expect(detail.json?.order.orderStatusDate).toBe(TEST_NOW.getTime())
      expect((await control(sandbox, "POST", "/orders/999-4242/status", { orderStatus: "X" })).status).toBe(404)
      expect((await control(sandbox, "POST", "/orders/1004/status", {})).status).toBe(400)
    })

    it("sets, shows and clears faults; refuses unknown fault settings", async () => {
      const set = await control(sandbox, "PUT", "/faults", { failNext: 2, endpoints: ["orderDetail"] })
      expect(set.json.faults).toEqual({ failNext: 2, endpoints: ["orderDetail"] })
      expect((await control(sandbox, "PUT", "/faults", { failnext: 1 })).status).toBe(400)
      expect((await control(sandbox, "PUT", "/faults", { errorRate: 2 })).status).toBe(400)
      expect((await control(sandbox, "DELETE", "/faults")).json.faults).toEqual({})
    })

    it("reports and clears calls, and resets to the seed", async () => {
      await callApi(sandbox, "/v1/orderNumbers")
      await callApi(sandbox, "/v1/updateMerchantOrderId", { orderId: "1001", merchantOrderId: "M-1" })
      const calls = await control(sandbox, "GET", "/calls")
      expect(calls.json.counts).toMatchObject({ orderNumbers: 1, updateMerchantOrderId: 1, orderDetail: 0 })
      expect(calls.json.log).toHaveLength(2)
      await control(sandbox, "DELETE", "/calls")
      expect((await control(sandbox, "GET", "/calls")).json.log).toEqual([])

      await control(sandbox, "POST", "/orders", {})
      const reset = await control(sandbox, "POST", "/reset")
      expect(reset.status).toBe(200)
      expect(sandbox.listOrders()).toHaveLength(12)
      expect(sandbox.getOrder("1001")?.merchantOrderId).toBeNull()
    })

    it("does not count control calls as API calls", async () => {
      await control(sandbox, "GET", "/orders")
      await control(sandbox, "GET", "/health")
      expect(Object.values(sandbox.calls()).every((count) => count === 0)).toBe(true)
    })
  })

  describe("faults", () => {
    it("failNext answers HTTP 500 {error}, then the API is healthy again", async () => {
      sandbox.setFaults({ failNext: 1 })
      const failed = await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })
      expect(failed.status).toBe(500)
      expect(failed.json).toEqual({ error: "Cannot process order detail" })
      const healthy = await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })
      expect(healthy.status).toBe(200)
    })

    it("malformedNext answers 200 with a body that is not JSON", async () => {
      sandbox.setFaults({ malformedNext: 1 })
      const reply = await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })
      expect(reply.status).toBe(200)
      expect(() => JSON.parse(reply.text)).toThrow()
      expect((await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })).json?.order).toBeDefined()
    })

    it("timeoutNext holds the request until the client gives up", async () => {
      sandbox.setFaults({ timeoutNext: 1 })
      const started = Date.now()
      await expect(
        callApi(sandbox, "/v2/orderDetail", { orderId: "1001" }, { signal: AbortSignal.timeout(300) }),
      ).rejects.toThrow()
      expect(Date.now() - started).toBeGreaterThanOrEqual(250)
      expect(sandbox.callLog()[0]).toMatchObject({ endpoint: "orderDetail", status: 0 })
      expect((await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })).status).toBe(200)
    })

    it("applies only to the listed endpoints", async () => {
      sandbox.setFaults({ errorRate: 1, endpoints: ["orderDetail"] })
      expect((await callApi(sandbox, "/v1/orderNumbers")).status).toBe(200)
      expect((await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })).status).toBe(500)
      expect((await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })).status).toBe(500)
      sandbox.clearFaults()
      expect((await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })).status).toBe(200)
    })

    it("errorRate plays a deterministic share of failures", async () => {
      const run = async (): Promise<number[]> => {
        sandbox.setFaults({ errorRate: 0.5 })
        const statuses: number[] = []
        for (let i = 0; i < 20; i++) statuses.push((await callApi(sandbox, "/v1/orderNumbers")).status)
        return statuses
      }
      const first = await run()
      const second = await run()
      expect(second).toEqual(first)
      const failures = first.filter((status) => status === 500).length
      expect(failures).toBeGreaterThan(3)
      expect(failures).toBeLessThan(17)
    })

    it("latencyMs delays every answer", async () => {
      sandbox.setFaults({ latencyMs: 120 })
      const started = Date.now()
      const reply = await callApi(sandbox, "/v2/orderDetail", { orderId: "nope" })
      expect(reply.status).toBe(400)
      expect(Date.now() - started).toBeGreaterThanOrEqual(110)
    })

    it("close() returns quickly while a request is held", async () => {
      const other = await startZonosSandbox()
      other.setFaults({ timeoutNext: 1 })
      const pending = callApi(other, "/v2/orderDetail", { orderId: "1001" }).then(
        () => "answered",
        () => "failed",
      )
      while (other.calls().orderDetail === 0) await new Promise((resolve) => setTimeout(resolve, 10))
      const started = Date.now()
      await other.close()
      expect(Date.now() - started).toBeLessThan(1000)
      expect(await pending).toBe("failed")
      await other.close() // idempotent
    })
  })

  describe("call record", () => {
    it("counts API calls per endpoint, including refused ones", async () => {
      await callApi(sandbox, "/v1/orderNumbers")
      await callApi(sandbox, "/v2/orderDetail", { orderId: "1001" })
      await callApi(sandbox, "/v2/orderDetail", { orderId: "999-99999" })
      await rawPost(sandbox, "/v2/orderDetail", "{}", { "Content-Type": "text/plain" })
      await callApi(sandbox, "/v1/nope")
      expect(sandbox.calls()).toEqual({
        orderNumbers: 1,
        orderDetail: 3,
        updateMerchantOrderId: 0,
        updateVendorOrderStatus: 0,
        setShipmentTracking: 0,
        createTempCart: 0,
      })
      expect(sandbox.callLog().map((entry) => entry.status)).toEqual([200, 200, 400, 415])
      expect(sandbox.callLog()[1]).toMatchObject({ endpoint: "orderDetail", at: TEST_NOW.toISOString() })
      sandbox.resetCalls()
      expect(sandbox.calls().orderDetail).toBe(0)
      expect(sandbox.callLog()).toEqual([])
    })

    it("never keeps the secret in the call log", async () => {
      await callApi(sandbox, "/v2/orderDetail", { orderId: "1001", note: `copy of ${SANDBOX_SECRET}` })
      await callApi(sandbox, "/v1/createTempCart", { items: [] }, { storeKey: "storeId" })
      await rawPost(sandbox, "/v2/orderDetail", `{"secret":"${SANDBOX_SECRET}", broken`)
      await rawPost(sandbox, "/v2/orderDetail", JSON.stringify({ store: "999", secret: "wrong-secret", orderId: "1" }))
      const log = sandbox.callLog()
      expect(log).toHaveLength(4)
      expect(JSON.stringify(log)).not.toContain(SANDBOX_SECRET)
      expect(JSON.stringify(log)).not.toContain("wrong-secret")
      expect(log[0].body).toMatchObject({ store: "999", secret: "***", orderId: "1001", note: "copy of ***" })
      const viaHttp = await control(sandbox, "GET", "/calls")
      expect(JSON.stringify(viaHttp.json)).not.toContain(SANDBOX_SECRET)
    })
  })
})
