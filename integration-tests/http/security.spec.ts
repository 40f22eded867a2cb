import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { SANDBOX_SECRET } from "../../src/sandbox"
import { sweepToEnd, waitForSweepEnd } from "../helpers/sweep-to-end"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useZonosSandbox } from "../helpers/sandbox-env"
import { createStoreHeaders } from "../helpers/store-auth"
import { medusaOrderIdOf, redirectQueryKeys } from "../helpers/zonos-rows"

jest.setTimeout(240_000)

/** The success page's bound on imports in flight, set low so a flood of 20 clients meets it. */
const MAX_IN_FLIGHT = 3
const { sandbox } = useZonosSandbox({ ZONOS_SUCCESS_PAGE_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT) })

/**
 * The success route is public and Zonos ids are sequential: what a stranger can learn and cost.
 * Tested as a stranger would try it, over HTTP, with a real database and the sandbox.
 */
medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let storefront: { headers: Record<string, string> }
    let regionId: string

    beforeAll(async () => {
      await seedZonosDemoStore(getContainer())
      admin = await createAdminHeaders(getContainer())
      storefront = await createStoreHeaders(getContainer())
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: regions } = await query.graph({ entity: "region", fields: ["id", "name"] })
      regionId = regions.find((region) => region.name === "International (Zonos)")!.id
    })

    beforeEach(() => {
      sandbox().reset()
    })

    const zonos = () => getContainer().resolve<ZonosModuleService>(ZONOS_MODULE)
    const row = async (id: string) => (await zonos().listZonosOrders({ zonos_order_number: id }))[0]
    const visit = (orderId: string) =>
      api.get(`/zonos/success?orderId=${encodeURIComponent(orderId)}`, { maxRedirects: 0, validateStatus: () => true })
    const store = (url: string) => api.get(url, { ...storefront, validateStatus: () => true })
    const adminCall = (method: "get" | "post", url: string, body?: unknown) =>
      method === "get"
        ? api.get(url, { ...admin, validateStatus: () => true })
        : api.post(url, body ?? {}, { ...admin, validateStatus: () => true })
    const scheduledSweep = () => sweepToEnd(getContainer())
    const merchantSweep = async () => {
      const response = await adminCall("post", "/admin/zonos/sweeps")
      expect(response.status).toBe(202)
      return waitForSweepEnd(getContainer(), response.data.zonos_sweep.id)
    }
    const orderDetailCallsFor = (ids: string[]) =>
      sandbox()
        .callLog()
        .filter((call) => call.endpoint === "orderDetail")
        .filter((call) => {
          const body = call.body
          return typeof body === "object" && body !== null && "orderId" in body && ids.includes(String(body.orderId))
        })

    describe("a stranger who knows only Zonos order ids", () => {
      it("gets a redirect that holds nothing but the id typed, and no store route gives them the shopper", async () => {
        const email = String(sandbox().getOrder("999-1002")?.email)
        expect(email).toContain("@")
        const first = await visit("999-1002")
        const again = await visit("999-1002")
        for (const response of [first, again]) {
          expect(response.status).toBe(303)
          expect(response.headers.location).not.toMatch(/order_[0-9A-Z]/)
          expect(redirectQueryKeys(response.headers.location)).toEqual(["zonos_order_id"])
        }
        // The order is in Medusa all the same.
        const orderId = await medusaOrderIdOf(getContainer(), "999-1002")
        expect(orderId).toMatch(/^order_/)

        // Everything the stranger holds, tried on every store route that takes an id.
        const held = ["999-1002", "1002", first.headers.location, new URL(first.headers.location).search]
        for (const value of held) {
          const encoded = encodeURIComponent(value)
          for (const url of [
            `/store/orders/${encoded}`,
            `/store/zonos/orders?cart_id=${encoded}`,
            `/store/carts/${encoded}`,
          ]) {
            const response = await store(url)
            expect({ url, status: response.status < 500 }).toEqual({ url, status: true })
            expect(JSON.stringify(response.data)).not.toContain(email)
          }
        }
      })

      it("does not learn which orders are in fraud review", async () => {
        const held = await visit("999-1004")
        const clear = await visit("999-1001")
        expect((await row("1004")).state).toBe("held")
        expect(new URL(held.headers.location).search).toBe("?zonos_order_id=999-1004")
        expect(new URL(clear.headers.location).search).toBe("?zonos_order_id=999-1001")
      })
    })

    describe("the storefront that started the checkout", () => {
      it("finds its order by its cart: processing until imported, then the order the shopper can open", async () => {
        const created = await api.post("/store/carts", { region_id: regionId, email: "ada@example.com" }, storefront)
        const cartId: string = created.data.cart.id
        const zonosOrder = sandbox().addOrder({ referenceId: cartId, email: "ada@example.com" })
        const zonosOrderId = String(zonosOrder.orderId)

        const before = await store(`/store/zonos/orders?cart_id=${cartId}`)
        expect(before.status).toBe(200)
        expect(before.data).toEqual({ status: "processing", zonos_order_id: null, order: null })

        const redirect = await visit(zonosOrderId)
        expect(redirect.status).toBe(303)
        const found = await store(`/store/zonos/orders?cart_id=${cartId}`)
        expect(found.status).toBe(200)
        expect(found.data).toEqual({
          status: "placed",
          zonos_order_id: zonosOrderId,
          order: { id: expect.stringMatching(/^order_/), display_id: expect.any(Number) },
        })
        // The thank-you page shows "order #<display_id>" and, with Medusa's own route, the order itself.
        const order = await store(`/store/orders/${found.data.order.id}`)
        expect(order.status).toBe(200)
        expect(order.data.order.email).toBe("ada@example.com")
      })

      it("gets a clear 404 for a cart that does not exist and a 400 without a cart id", async () => {
        const unknown = await store("/store/zonos/orders?cart_id=cart_01NOPE")
        expect(unknown.status).toBe(404)
        const missing = await store("/store/zonos/orders")
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/cart_id/)
        const keyless = await api.get("/store/zonos/orders?cart_id=cart_01NOPE", { validateStatus: () => true })
        expect(keyless.status).toBe(400)
      })
    })

    describe("ids of another Zonos store", () => {
      it("are refused with a 400 on the success page and the admin import, with no Zonos call and no row", async () => {
        sandbox().resetCalls()
        const success = await visit("998-1002")
        expect(success.status).toBe(400)
        expect(success.data.message).toBe("orderId is an order of another Zonos store; this store is 999")
        const imported = await adminCall("post", "/admin/zonos/orders/import", { zonos_order_id: "998-1003" })
        expect(imported.status).toBe(400)
        expect(imported.data.message).toBe("zonos_order_id is an order of another Zonos store; this store is 999")
        for (const action of ["retry", "check", "release", "dismiss"]) {
          const response = await adminCall("post", `/admin/zonos/orders/998-1003/${action}`, { note: "x" })
          expect({ action, status: response.status }).toEqual({ action, status: 400 })
        }
        expect((await adminCall("get", "/admin/zonos/orders/998-1003")).status).toBe(400)
        expect(sandbox().callLog()).toHaveLength(0)
        expect(await row("1003")).toBeUndefined()
      })
    })

    describe("ids Zonos does not know", () => {
      const junk = Array.from({ length: 30 }, (_, index) => `999-${9_900_001 + index}`)
      const junkNumbers = junk.map((id) => id.slice(4))

      it("30 at once: no 5xx, recorded as not found, never retried, hidden from the list, dismissable", async () => {
        const responses = await Promise.all(junk.map((id) => visit(id)))
        expect(responses.map((response) => response.status)).toEqual(Array(junk.length).fill(303))
        // Past the bound the shopper is redirected without an import: only some ids were read.
        const rows = await zonos().listZonosOrders({ zonos_order_number: junkNumbers })
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.every((candidate) => candidate.state === "not_found" && candidate.next_attempt_at === null)).toBe(true)

        // A merchant's sweep ignores backoff; even it reads none of them again.
        sandbox().resetCalls()
        const sweep = await merchantSweep()
        expect(orderDetailCallsFor(junk)).toHaveLength(0)
        // Unlisted junk does not make a sweep "partly done".
        expect(sweep.status).toBe("succeeded")

        const list = await adminCall("get", "/admin/zonos/orders?limit=200")
        expect(list.status).toBe(200)
        const listed: string[] = list.data.zonos_orders.map((candidate: { zonos_order_number: string }) => candidate.zonos_order_number)
        expect(listed.filter((id) => junkNumbers.includes(id))).toEqual([])
        const notFound = await adminCall("get", "/admin/zonos/orders?state=not_found&limit=200")
        expect(notFound.data.zonos_orders.map((candidate: { zonos_order_number: string }) => candidate.zonos_order_number).sort()).toEqual(
          rows.map((candidate) => candidate.zonos_order_number).sort()
        )

        const target = rows[0].zonos_order_number
        const refusedWithoutNote = await adminCall("post", `/admin/zonos/orders/${target}/dismiss`, {})
        expect(refusedWithoutNote.status).toBe(400)
        const dismissed = await adminCall("post", `/admin/zonos/orders/${target}/dismiss`, { note: "a stranger's guess" })
        expect(dismissed.status).toBe(200)
        const detail = await adminCall("get", `/admin/zonos/orders/${target}`)
        expect(detail.data.zonos_order).toEqual(
          expect.objectContaining({ dismissed_at: expect.any(String), dismiss_note: "a stranger's guess", state: "not_found" })
        )
        expect(detail.data.zonos_order.history.entries.at(-1)).toEqual(
          expect.objectContaining({ source: "admin", event: "dismissed", detail: "a stranger's guess" })
        )
        const notFoundNow = await adminCall("get", "/admin/zonos/orders?state=not_found&limit=200")
        expect(notFoundNow.data.zonos_orders.map((candidate: { zonos_order_number: string }) => candidate.zonos_order_number)).not.toContain(target)
        const dismissedList = await adminCall("get", "/admin/zonos/orders?dismissed=true&state=not_found")
        expect(dismissedList.data.zonos_orders.map((candidate: { zonos_order_number: string }) => candidate.zonos_order_number)).toEqual([target])
      })

      it("an order of ours with a Medusa order cannot be dismissed", async () => {
        await visit("999-1001")
        const response = await adminCall("post", "/admin/zonos/orders/999-1001/dismiss", { note: "oops" })
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/in Medusa already/)
      })
    })

    describe("failures and sweeps", () => {
      it("after a Zonos outage, the merchant's sweep imports at once what the scheduled one leaves to its backoff", async () => {
        // Everything already listed is in Medusa: the sweep starts clean.
        expect((await merchantSweep()).status).toBe("succeeded")
        const fresh = [sandbox().addOrder(), sandbox().addOrder(), sandbox().addOrder()].map((order) => String(order.orderId))
        sandbox().setFaults({ errorRate: 1, endpoints: ["orderDetail"] })
        const during = await scheduledSweep()
        expect(during.status).toBe("partial")
        for (const id of fresh) expect(during.error).toContain(id)
        for (const id of fresh) expect((await row(id.slice(4))).state).toBe("failed")

        sandbox().clearFaults()
        sandbox().resetCalls()
        const withinBackoff = await scheduledSweep()
        expect(orderDetailCallsFor(fresh)).toHaveLength(0)
        expect(withinBackoff.status).toBe("partial")
        expect(withinBackoff.counts?.not_in_medusa).toBe(3)
        // A run of partial sweeps asks for the same window: it does not widen a day each time.
        expect(withinBackoff.since_date).toBe(during.since_date)

        const now = await merchantSweep()
        expect({ status: now.status, error: now.error }).toEqual({ status: "succeeded", error: null })
        for (const id of fresh) {
          expect((await row(id.slice(4))).state).toBe("imported")
          expect(await medusaOrderIdOf(getContainer(), id)).toMatch(/^order_/)
        }
      })
    })

    describe("metadata follows the row", () => {
      const metadataOf = async (zonosOrderId: string) => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const orderId = await medusaOrderIdOf(getContainer(), zonosOrderId)
        const { data } = await query.graph({ entity: "order", fields: ["metadata"], filters: { id: orderId! } })
        return data[0].metadata ?? {}
      }

      it("held, then cancelled by Zonos: no hold left, Zonos's latest status", async () => {
        await visit("999-1004")
        expect(await metadataOf("999-1004")).toEqual(
          expect.objectContaining({ zonos_status: "IGLOBAL_FRAUD_REVIEW", zonos_hold: expect.objectContaining({ reason: "fraud_review" }) })
        )
        sandbox().setOrderStatus("999-1004", "IGLOBAL_ORDER_CANCELLED")
        await merchantSweep()
        expect((await row("1004")).state).toBe("cancelled")
        expect(await metadataOf("999-1004")).toEqual(
          expect.objectContaining({ zonos_status: "IGLOBAL_ORDER_CANCELLED", zonos_hold: null })
        )
      })

      it("held, then released by Zonos: no hold left, Zonos's latest status", async () => {
        await visit("999-1010")
        expect((await row("1010")).state).toBe("held")
        sandbox().setOrderStatus("999-1010", "IGLOBAL_ORDER_IN_PROCESS")
        await merchantSweep()
        expect((await row("1010")).state).toBe("imported")
        expect(await metadataOf("999-1010")).toEqual(
          expect.objectContaining({ zonos_status: "IGLOBAL_ORDER_IN_PROCESS", zonos_hold: null })
        )
      })
    })

    describe("the server log", () => {
      it("has one line per import: info when it went well, warn with the reason when not, never the secret", async () => {
        const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
        const info = jest.spyOn(logger, "info")
        const warn = jest.spyOn(logger, "warn")
        try {
          await visit("999-1008")
          await visit("999-1003")
          sandbox().setFaults({ failNext: 5, endpoints: ["orderDetail"] })
          await visit("999-1009")
          sandbox().clearFaults()
          const lines = (spy: jest.SpyInstance) => spy.mock.calls.map((call) => String(call[0])).filter((line) => /^Zonos order \d+-\d+ \(/.test(line))
          expect(lines(info)).toEqual([
            expect.stringMatching(/^Zonos order 999-1008 \(success_page\): imported as Medusa order #\d+, on hold \(test order - do not ship\)$/),
            expect.stringMatching(/^Zonos order 999-1003 \(success_page\): imported as Medusa order #\d+$/),
          ])
          expect(lines(warn)).toEqual([expect.stringMatching(/^Zonos order 999-1009 \(success_page\): failed: Zonos orderDetail for order 999-1009: server error/)])
          expect(JSON.stringify([...info.mock.calls, ...warn.mock.calls])).not.toContain(SANDBOX_SECRET)
        } finally {
          info.mockRestore()
          warn.mockRestore()
        }
      })
    })

    describe("a flood", () => {
      it("200 hits from 20 clients for unknown ids: no 5xx, Zonos reads in flight within the bound, real orders still import", async () => {
        sandbox().setFaults({ latencyMs: 50, endpoints: ["orderDetail"] })
        sandbox().resetCalls()
        const statuses: number[] = []
        let next = 0
        const client = async () => {
          while (next < 200) {
            const index = next++
            statuses.push((await visit(`999-${8_800_000 + index}`)).status)
          }
        }
        await Promise.all(Array.from({ length: 20 }, client))
        expect(statuses).toHaveLength(200)
        expect(statuses.filter((status) => status !== 303)).toEqual([])
        expect(sandbox().peakOpenCalls().orderDetail).toBeGreaterThan(0)
        expect(sandbox().peakOpenCalls().orderDetail).toBeLessThanOrEqual(MAX_IN_FLIGHT)

        for (const id of ["999-1005", "999-1006", "999-1007"]) {
          expect((await visit(id)).status).toBe(303)
          expect(await medusaOrderIdOf(getContainer(), id)).toMatch(/^order_/)
        }
      })
    })
  },
})
