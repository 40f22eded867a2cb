import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { ZONOS_SWEEP_SCHEDULE } from "../../src/modules/zonos/utils/sweep-schedule"
import { normalizeZonosOrderId } from "../../src/modules/zonos/client"
import { SANDBOX_SECRET } from "../../src/sandbox"
import { sweepToEnd, waitForSweepEndOverHttp } from "../helpers/sweep-to-end"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useZonosSandbox } from "../helpers/sandbox-env"
import { medusaOrderIdOf, writeBackTried } from "../helpers/zonos-rows"

jest.setTimeout(180_000)

const { sandbox } = useZonosSandbox()

medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shipping: { stock_location_id: string; shipping_option_id: string }

    beforeAll(async () => {
      shipping = await seedZonosDemoStore(getContainer())
      admin = await createAdminHeaders(getContainer())
    })

    beforeEach(() => {
      sandbox().reset()
    })

    const zonos = () => getContainer().resolve<ZonosModuleService>(ZONOS_MODULE)
    const record = async (id: string) => (await zonos().listZonosOrders({ zonos_order_number: id }))[0]
    const sweep = () => sweepToEnd(getContainer())
    const visitSuccessPage = (orderId: string) =>
      api.get(`/zonos/success?orderId=${orderId}`, { maxRedirects: 0, validateStatus: () => true })
    const importedOrderId = async (orderId: string) => {
      await visitSuccessPage(orderId)
      const medusaOrderId = await medusaOrderIdOf(getContainer(), orderId)
      if (!medusaOrderId) throw new Error(`Zonos order ${orderId} was not imported`)
      return medusaOrderId
    }
    const medusaOrder = async (id: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "status", "metadata", "items.*", "fulfillments.id"],
        filters: { id },
      })
      return data[0]
    }
    const fulfil = async (orderId: string) => {
      const order = await medusaOrder(orderId)
      return api.post(
        `/admin/orders/${orderId}/fulfillments`,
        {
          items: order.items.map((item: { id: string; quantity: number }) => ({ id: item.id, quantity: item.quantity })),
          location_id: shipping.stock_location_id,
          shipping_option_id: shipping.shipping_option_id,
        },
        { ...admin, validateStatus: () => true }
      )
    }
    /** Makes every retry due, as if the backoff had passed. */
    const letTimePass = async () => {
      const due = await zonos().listZonosOrders({ next_attempt_at: { $ne: null } })
      for (const row of due) await zonos().updateZonosOrders({ id: row.id, next_attempt_at: new Date(Date.now() - 1000) })
    }

    describe("fraud review", () => {
      it("holds the order, refuses to fulfil it, and releases it when Zonos clears it", async () => {
        const orderId = await importedOrderId("999-1004")
        expect(await record("1004")).toEqual(expect.objectContaining({ state: "held", hold_reason: "fraud_review" }))
        expect((await medusaOrder(orderId)).metadata.zonos_hold).toEqual({ reason: "fraud_review", text: "fraud review by Zonos" })

        const refused = await fulfil(orderId)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe(
          "Held by Zonos: fraud review by Zonos. This order cannot be fulfilled until the hold is released."
        )

        sandbox().setOrderStatus("999-1004", "IGLOBAL_ORDER_IN_PROCESS")
        await sweep()
        expect(await record("1004")).toEqual(expect.objectContaining({ state: "imported", hold_reason: null }))
        expect((await medusaOrder(orderId)).metadata.zonos_hold).toBeNull()

        const fulfilled = await fulfil(orderId)
        expect(fulfilled.status).toBe(200)
        expect((await medusaOrder(orderId)).fulfillments).toHaveLength(1)
      })

      it("cancels the Medusa order when Zonos cancels it", async () => {
        const orderId = await importedOrderId("999-1004")
        sandbox().setOrderStatus("999-1004", "IGLOBAL_ORDER_CANCELLED")
        await sweep()
        expect((await record("1004")).state).toBe("cancelled")
        expect((await medusaOrder(orderId)).status).toBe("canceled")
      })

      it("accepts the misspelt IGLOBAL_ORDER_CANCELED, and flags an order Medusa cannot cancel any more", async () => {
        const shipped = await importedOrderId("999-1001")
        expect((await fulfil(shipped)).status).toBe(200)
        const open = await importedOrderId("999-1003")

        sandbox().setOrderStatus("999-1001", "IGLOBAL_ORDER_CANCELED")
        sandbox().setOrderStatus("999-1003", "IGLOBAL_ORDER_CANCELED")
        const result = await sweep()
        expect(result.status).toBe("succeeded")

        expect((await medusaOrder(open)).status).toBe("canceled")
        const flagged = await record("1001")
        expect(flagged.state).toBe("needs_attention")
        expect(flagged.last_error).toMatch(/^Zonos cancelled this order but Medusa could not cancel it: /)
        expect((await medusaOrder(shipped)).status).toBe("pending")
      })
    })

    describe("the sweep", () => {
      it("imports the 20 orders the success page missed, then does nothing it need not do", async () => {
        for (let i = 0; i < 13; i++) sandbox().addOrder({})
        expect(sandbox().listOrders()).toHaveLength(25)
        for (const id of ["999-1001", "999-1002", "999-1003", "999-1005", "999-1006"]) await visitSuccessPage(id)

        const first = await sweep()
        expect(first.status).toBe("succeeded")
        expect(first.counts).toEqual(
          expect.objectContaining({ listed: 25, imported: 15, on_hold: 4, cancelled: 1, failed: 0, processing: 0 })
        )
        const records = await zonos().listZonosOrders({})
        expect(records).toHaveLength(25)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: orders } = await query.graph({ entity: "order", fields: ["id"] })
        expect(orders).toHaveLength(25)
        expect(first.cursor_date).toMatch(/^\d{8}$/)

        sandbox().resetCalls()
        const second = await sweep()
        expect(second.counts).toEqual(expect.objectContaining({ imported: 0, on_hold: 0, failed: 0 }))
        // Only the orders still in Zonos's review (fraud review, on hold) are read again.
        expect(sandbox().calls().orderDetail).toBe(2)
        expect(sandbox().calls().orderNumbers).toBe(2)
        const { data: after } = await query.graph({ entity: "order", fields: ["id"] })
        expect(after).toHaveLength(25)
      })

      it("retries a failed write-back of the Medusa order number until Zonos has it", async () => {
        sandbox().setFaults({ failNext: 2, endpoints: ["updateMerchantOrderId"] })
        const orderId = await importedOrderId("999-1001")
        // The success page tells Zonos after answering the shopper: wait for that attempt.
        await writeBackTried(getContainer(), "999-1001")
        const failed = await record("1001")
        expect(failed.state).toBe("imported")
        expect(failed.merchant_order_id_sent_at).toBeNull()
        expect(failed.writeback_error).toMatch(/updateMerchantOrderId/)
        expect(sandbox().getOrder("999-1001")?.merchantOrderId).toBeFalsy()

        // While Zonos still refuses, the sweep does not count the write-back as done.
        sandbox().setFaults({ errorRate: 1, endpoints: ["updateMerchantOrderId"] })
        await letTimePass()
        const refused = await sweep()
        expect(refused.counts?.written_back).toBe(0)

        expect((await record("1001")).merchant_order_id_sent_at).toBeNull()

        sandbox().clearFaults()
        await letTimePass()
        // That sweep also imported the window's other orders, whose write-backs Zonos refused too:
        // now every one of them is written back, and counted once.
        const { data: unsent } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({
            entity: "zonos_order",
            fields: ["zonos_order_number", "state", "hold_reason", "order.id"],
            filters: { merchant_order_id_sent_at: null },
          })
          .then(({ data }) => ({ data: data.filter((row) => row.order?.id) }))
        expect(unsent.map((row) => row.zonos_order_number)).toContain("1001")
        // Orders in Zonos's review are re-read (refreshed), and written back by that import.
        const inReview = unsent.filter((row) => row.state === "held" && ["fraud_review", "zonos_hold"].includes(row.hold_reason))
        const result = await sweep()
        expect(result.counts?.written_back).toBe(unsent.length - inReview.length)
        const stillUnsent = await zonos().listZonosOrders({ zonos_order_number: unsent.map((row) => row.zonos_order_number), merchant_order_id_sent_at: null })
        expect(stillUnsent).toEqual([])
        const sent = await record("1001")
        expect(sent.merchant_order_id_sent_at).not.toBeNull()
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "order", fields: ["display_id"], filters: { id: orderId } })
        expect(sandbox().getOrder("999-1001")?.merchantOrderId).toBe(String(data[0].display_id))
      })

      it("keeps its cursor when Zonos cannot list orders, and says why", async () => {
        sandbox().setFaults({ failNext: 10, endpoints: ["orderNumbers"] })
        const result = await sweep()
        expect(result.status).toBe("failed")
        expect(result.cursor_date).toBeNull()
        expect(result.error).toMatch(/orderNumbers/)
        expect(result.error).not.toContain(SANDBOX_SECRET)
      })

      it("backfills every order since a day: a clear 400 for a bad day, and a second run imports nothing twice", async () => {
        const post = (body: unknown) => api.post("/admin/zonos/sweeps", body, { ...admin, validateStatus: () => true })
        for (const [since, message] of [
          ["2026-02-30", "since_date 2026-02-30 is not a day of the calendar"],
          ["2999-01-01", "since_date 2999-01-01 is in the future"],
          ["last week", 'since_date must be a day written YYYY-MM-DD, not "last week"'],
          ["1999-12-31", "since_date must be 2000-01-01 or later"],
        ]) {
          const refused = await post({ since_date: since })
          expect({ since, status: refused.status, message: refused.data.message }).toEqual({ since, status: 400, message: `Invalid request: ${message}` })
        }
        expect((await post({ since_date: 20260101 })).status).toBe(400)

        // Orders of 40 days ago: past the regular sweep's window (14 days), only a backfill finds them.
        const placed = Date.now() - 40 * 24 * 60 * 60 * 1000
        const ids = Array.from({ length: 3 }, () => normalizeZonosOrderId(String(sandbox().addOrder({ orderDate: placed }).orderId)))
        await sweep()
        expect(await zonos().listZonosOrders({ zonos_order_number: ids })).toEqual([])

        const since = new Date(placed - 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
        const first = await post({ since_date: since })
        expect(first.status).toBe(202)
        expect(first.data.zonos_sweep).toEqual(expect.objectContaining({ trigger: "backfill", since_date: since.replace(/-/g, "") }))
        const get = (url: string) => api.get(url, admin)
        const backfilled = await waitForSweepEndOverHttp(get, first.data.zonos_sweep.id)
        // Its total also holds the orders in Zonos's review, re-read by every sweep.
        expect(backfilled).toEqual(expect.objectContaining({ status: "succeeded", done: backfilled.total }))
        expect(backfilled.counts).toEqual(expect.objectContaining({ imported: 3, not_in_medusa: 0 }))

        // Run again (as after an interruption): the orders already in Medusa are skipped by the sweep's own records.
        const again = await waitForSweepEndOverHttp(get, (await post({ since_date: since })).data.zonos_sweep.id)
        expect(again).toEqual(expect.objectContaining({ status: "succeeded", done: again.total }))
        expect(again.counts).toEqual(expect.objectContaining({ imported: 0, failed: 0, not_in_medusa: 0 }))
        expect(again.total).toBe((backfilled.total ?? 0) - 3)
        for (const id of ids) expect((await record(id)).state).toBe("imported")
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: rows } = await query.graph({ entity: "zonos_order", fields: ["order.id"], filters: { zonos_order_number: ids } })
        expect(new Set(rows.map((row) => row.order?.id)).size).toBe(3)
      })
    })

    describe("admin API", () => {
      // Every row has all three columns: jest would take a missing one for a `done` callback.
      const routes: [string, string, Record<string, unknown>][] = [
        ["get", "/admin/zonos/orders", {}],
        ["get", "/admin/zonos/orders/999-1001", {}],
        ["post", "/admin/zonos/orders/import", { zonos_order_id: "999-1001" }],
        ["post", "/admin/zonos/orders/999-1001/retry", {}],
        ["post", "/admin/zonos/orders/999-1001/check", {}],
        ["post", "/admin/zonos/orders/999-1001/release", {}],
        ["get", "/admin/zonos/sweeps", {}],
        ["post", "/admin/zonos/sweeps", {}],
        ["get", "/admin/zonos/connection", {}],
      ]

      it.each(routes)("refuses %s %s without authentication", async (method, url, body) => {
        const response =
          method === "get"
            ? await api.get(url, { validateStatus: () => true })
            : await api.post(url, body, { validateStatus: () => true })
        expect(response.status).toBe(401)
        expect(sandbox().callLog()).toHaveLength(0)
      })

      it("lets a merchant list, read, import, retry, check, release and sweep; the secret is never in a response", async () => {
        const bodies: unknown[] = []
        const call = async (method: "get" | "post", url: string, body?: unknown) => {
          const response =
            method === "get"
              ? await api.get(url, { ...admin, validateStatus: () => true })
              : await api.post(url, body ?? {}, { ...admin, validateStatus: () => true })
          bodies.push(response.data)
          return response
        }

        const imported = await call("post", "/admin/zonos/orders/import", { zonos_order_id: "999-1009" })
        expect(imported.status).toBe(200)
        expect(imported.data.result).toEqual(
          expect.objectContaining({ zonos_order_number: "1009", outcome: "on_hold", hold_reason: "csl_match" })
        )
        const badImport = await call("post", "/admin/zonos/orders/import", { zonos_order_id: "not-an-id" })
        expect(badImport.status).toBe(400)

        sandbox().setFaults({ failNext: 2, endpoints: ["orderDetail"] })
        expect((await call("post", "/admin/zonos/orders/import", { zonos_order_id: "1002" })).data.result.outcome).toBe(
          "failed"
        )
        sandbox().clearFaults()
        const retried = await call("post", "/admin/zonos/orders/999-1002/retry")
        expect(retried.data.result).toEqual(expect.objectContaining({ outcome: "imported", order_id: expect.any(String) }))

        await call("post", "/admin/zonos/orders/import", { zonos_order_id: "999-1004" })
        const list = await call("get", "/admin/zonos/orders?state=held&limit=10")
        expect(list.status).toBe(200)
        expect(list.data.zonos_orders.map((row: { zonos_order_number: string }) => row.zonos_order_number).sort()).toEqual([
          "1004",
          "1009",
        ])
        expect(list.data.zonos_orders[0].order).toEqual(
          expect.objectContaining({ id: expect.any(String), display_id: expect.any(Number) })
        )
        const searched = await call("get", "/admin/zonos/orders?q=999-1002")
        expect(searched.data.zonos_orders).toHaveLength(1)
        expect((await call("get", "/admin/zonos/orders?test_order=true")).data.count).toBe(0)
        // ?fields= and ?order= work as on Medusa's own list routes.
        const narrow = await call("get", "/admin/zonos/orders?state=held&fields=zonos_order_number,state&order=zonos_order_number")
        expect(narrow.data.zonos_orders).toEqual([
          { id: expect.any(String), zonos_order_number: "1004", state: "held" },
          { id: expect.any(String), zonos_order_number: "1009", state: "held" },
        ])
        const oneSweep = await call("get", "/admin/zonos/sweeps?limit=1&fields=status")
        expect(oneSweep.data).toEqual(expect.objectContaining({ limit: 1, offset: 0 }))

        const one = await call("get", "/admin/zonos/orders/999-1009")
        expect(one.data.zonos_order).toEqual(
          expect.objectContaining({ state: "held", csl_match: true, order_detail: expect.any(Object) })
        )
        expect(one.data.zonos_order.history.entries.map((entry: { event: string }) => entry.event)).toEqual(
          expect.arrayContaining(["seen", "imported"])
        )
        expect((await call("get", "/admin/zonos/orders/999-77777")).status).toBe(404)
        // Mapping rule 10, exact from the server: the discount that makes the panel add up.
        expect(one.data.zonos_order.panel_discount).toEqual({ usd: null, foreign: null })
        await call("post", "/admin/zonos/orders/import", { zonos_order_id: "999-1003" })
        const promo = await call("get", "/admin/zonos/orders/999-1003")
        expect(promo.data.zonos_order.panel_discount).toEqual({ usd: "10", foreign: expect.stringMatching(/^\d+(\.\d+)?$/) })

        const fraudRelease = await call("post", "/admin/zonos/orders/999-1004/release", { note: "looks fine" })
        expect(fraudRelease.status).toBe(400)
        expect(fraudRelease.data.message).toMatch(/Zonos releases it/)
        const released = await call("post", "/admin/zonos/orders/999-1009/release", { note: "Checked the screening list" })
        expect(released.status).toBe(200)
        expect(await record("1009")).toEqual(
          expect.objectContaining({ state: "imported", release_note: "Checked the screening list" })
        )

        sandbox().setOrderStatus("999-1004", "IGLOBAL_ORDER_IN_PROCESS")
        const checked = await call("post", "/admin/zonos/orders/999-1004/check")
        expect(checked.data.result).toEqual(expect.objectContaining({ outcome: "imported", hold_reason: null }))

        const swept = await call("post", "/admin/zonos/sweeps")
        expect(swept.status).toBe(202)
        const ended = await waitForSweepEndOverHttp((path) => call("get", path), swept.data.zonos_sweep.id)
        expect(ended).toEqual(expect.objectContaining({ status: "succeeded", trigger: "admin" }))
        const sweeps = await call("get", "/admin/zonos/sweeps")
        expect(sweeps.data.zonos_sweeps[0].id).toBe(swept.data.zonos_sweep.id)

        const connection = await call("get", "/admin/zonos/connection")
        expect(connection.data).toEqual(
          expect.objectContaining({ status: "connected", store_id: "999", api_url: sandbox().url, sweep_schedule: ZONOS_SWEEP_SCHEDULE })
        )

        for (const body of bodies) expect(JSON.stringify(body)).not.toContain(SANDBOX_SECRET)
      })
    })
  },
})
