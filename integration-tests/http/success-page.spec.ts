import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { SANDBOX_SECRET } from "../../src/sandbox"
import { sweepToEnd } from "../helpers/sweep-to-end"
import { useZonosSandbox } from "../helpers/sandbox-env"
import { medusaOrderIdOf, redirectQueryKeys, writeBackTried } from "../helpers/zonos-rows"

jest.setTimeout(180_000)

const { sandbox } = useZonosSandbox()
const STOREFRONT = "https://shop.example/checkout/thank-you"

/** SKUs the seeded store sells (scripts/lib/seed-store.ts). */
const CATALOGUE_SKUS = ["SHIRT-M", "BELT-BRN-32", "MERINO-CREW-L"]

/** An amount (number or decimal string) to the cent, as a string: exact, never via floats. */
const cents = (amount: unknown) => MathBN.convert(String(amount)).toFixed(2)

medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    beforeAll(async () => {
      await seedZonosDemoStore(getContainer())
    })

    beforeEach(() => {
      sandbox().reset()
    })

    const visitSuccessPage = (orderId: string) =>
      api.get(`/zonos/success?orderId=${encodeURIComponent(orderId)}`, { maxRedirects: 0, validateStatus: () => true })

    const readOrder = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: [
          "id",
          "email",
          "status",
          "currency_code",
          "total",
          "subtotal",
          "original_tax_total",
          "discount_total",
          "shipping_total",
          "item_total",
          "metadata",
          "shipping_address.*",
          "billing_address.*",
          "items.*",
          "items.adjustments.*",
          "items.tax_lines.*",
          "shipping_methods.*",
          "payment_collections.*",
          "zonos_order.*",
        ],
        filters: { id: orderId },
      })
      return order
    }

    it("imports every seeded Zonos order with the right money, addresses and metadata", async () => {
      const seeded = sandbox().listOrders()
      expect(seeded.length).toBeGreaterThanOrEqual(12)
      for (const zonosOrder of seeded) {
        const id = String(zonosOrder.orderId)
        const response = await visitSuccessPage(id)
        expect(response.status).toBe(303)
        const location = new URL(response.headers.location)
        expect(`${location.origin}${location.pathname}`).toBe(STOREFRONT)
        expect(location.searchParams.get("zonos_order_id")).toBe(id)
        // The redirect carries what the caller typed and nothing else (no order id, no outcome).
        expect(redirectQueryKeys(response.headers.location)).toEqual(["zonos_order_id"])
        const orderId = await medusaOrderIdOf(getContainer(), id)
        expect(orderId).toMatch(/^order_/)

        const order = await readOrder(orderId!)
        const grandTotal = cents(zonosOrder.grandTotal)
        const cancelled = zonosOrder.orderStatus === "IGLOBAL_ORDER_CANCELLED"
        // The invariant: Medusa's total is Zonos's grand total, to the cent (a cancelled order's
        // total is 0 in Medusa; its captured and refunded amounts carry the grand total instead).
        expect(order.status).toBe(cancelled ? "canceled" : "pending")
        if (!cancelled) expect(cents(order.total)).toBe(grandTotal)
        expect(order.currency_code).toBe("usd")
        expect(order.email).toBe(zonosOrder.email || zonosOrder.billingEmail)

        // Both addresses; billing falls back to shipping when Zonos sends none.
        const [firstName, ...rest] = String(zonosOrder.name).split(" ")
        expect(order.shipping_address).toEqual(
          expect.objectContaining({
            first_name: firstName,
            last_name: rest.join(" "),
            address_1: zonosOrder.address1,
            city: zonosOrder.city,
            country_code: String(zonosOrder.countryCode).toLowerCase(),
          })
        )
        const billingSource = zonosOrder.billingAddress1 ? "billing" : "shipping"
        expect(order.billing_address.address_1).toBe(
          billingSource === "billing" ? zonosOrder.billingAddress1 : zonosOrder.address1
        )
        expect(order.billing_address.country_code).toBe(
          String(billingSource === "billing" ? zonosOrder.billingCountryCode : zonosOrder.countryCode).toLowerCase()
        )

        // Items: catalogue variants where the SKU exists, custom items otherwise; no negative lines.
        const zonosItems = (zonosOrder.items as { sku?: string; unitPrice: unknown }[]).filter((item) =>
          MathBN.gte(String(item.unitPrice), 0)
        )
        expect(order.items).toHaveLength(zonosItems.length)
        for (const item of order.items) {
          expect(MathBN.gte(item.unit_price, 0)).toBe(true)
          const sku = item.metadata.zonos_item.sku
          expect(Boolean(item.variant_id)).toBe(CATALOGUE_SKUS.includes(sku))
        }

        // Shipping as Zonos's shopper chose it; duties and taxes as tax; the discount as adjustments.
        expect(order.shipping_methods).toEqual([
          expect.objectContaining({ name: zonosOrder.customerSelectedShippingName }),
        ])
        expect(cents(order.shipping_methods[0].amount)).toBe(cents(zonosOrder.shippingTotal))
        if (!cancelled) {
          // The figures of Medusa's admin summary: "Tax total" is original_tax_total, "Discount" discount_total
          expect(cents(order.original_tax_total)).toBe(cents(zonosOrder.dutyTaxesTotal))
          const explainedDiscount = MathBN.add(
            (zonosOrder.items as { unitPrice: unknown; quantity: number }[])
              .filter((item) => MathBN.lt(String(item.unitPrice), 0))
              .reduce((sum, item) => MathBN.add(sum, MathBN.mult(String(item.unitPrice), item.quantity).negated()), MathBN.convert(0)),
            String((zonosOrder.promoCode as { amount?: unknown } | null)?.amount ?? 0)
          )
          expect(cents(order.discount_total)).toBe(explainedDiscount.toFixed(2))
        }
        expect(order.metadata.zonos_order_id).toBe(id)
        expect(order.metadata).not.toHaveProperty("zonos_national_identifier")
        expect(JSON.stringify(order.metadata)).not.toContain("birthDate")
        expect(order.items.every((item: { unit_price: number }) => MathBN.gte(item.unit_price, 0))).toBe(true)
        const [payments] = order.payment_collections
        expect(payments.status).toBe(cancelled ? "canceled" : "completed")
        expect(cents(payments.captured_amount)).toBe(grandTotal)
        if (cancelled) expect(cents(payments.refunded_amount)).toBe(grandTotal)
        expect(order.zonos_order.zonos_order_number).toBe(id.split("-")[1])
      }
    })

    const zonosModule = () => getContainer().resolve<ZonosModuleService>(ZONOS_MODULE)
    const ordersFor = async (zonosOrderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "metadata"],
        filters: { metadata: { zonos_order_id: zonosOrderId } } as never,
      })
      return data
    }
    const stateOf = async (normalisedId: string) => (await zonosModule().listZonosOrders({ zonos_order_number: normalisedId }))[0]?.state

    it("emits order.placed once, so the store's order-confirmation subscribers fire", async () => {
      const placed: string[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      eventBus.subscribe(OrderWorkflowEvents.PLACED, async (event) => {
        const data = event.data
        if (typeof data === "object" && data !== null && "id" in data) placed.push(String(data.id))
      })
      await visitSuccessPage("999-1007")
      await visitSuccessPage("999-1007")
      const orderId = await medusaOrderIdOf(getContainer(), "999-1007")
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(placed).toEqual([orderId])
    })

    it("answers the shopper before telling Zonos the Medusa order number, then tells it once", async () => {
      // Zonos takes 2 s to take the order number: the shopper must not wait for it.
      sandbox().setFaults({ latencyMs: 2000, endpoints: ["updateMerchantOrderId"] })
      const started = Date.now()
      const response = await visitSuccessPage("999-1002")
      expect(response.status).toBe(303)
      expect(Date.now() - started).toBeLessThan(2000)
      expect(await stateOf("1002")).toBe("imported")

      await writeBackTried(getContainer(), "999-1002")
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["display_id"], filters: { id: await medusaOrderIdOf(getContainer(), "999-1002") } })
      expect(sandbox().getOrder("999-1002")?.merchantOrderId).toBe(String(order.display_id))
      expect(sandbox().calls().updateMerchantOrderId).toBe(1)
    })

    it("asks Zonos for the write-back once per order: after a refusal, later hits (a stranger's loop) leave it to the sweep", async () => {
      sandbox().setFaults({ errorRate: 1, endpoints: ["updateMerchantOrderId"] })
      expect((await visitSuccessPage("999-1005")).status).toBe(303)
      await writeBackTried(getContainer(), "999-1005")
      const refused = sandbox().calls().updateMerchantOrderId
      expect(refused).toBeGreaterThan(0)

      for (let hit = 0; hit < 20; hit++) expect((await visitSuccessPage("999-1005")).status).toBe(303)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(sandbox().calls().updateMerchantOrderId).toBe(refused)
      const [row] = await zonosModule().listZonosOrders({ zonos_order_number: "1005" })
      expect(row).toEqual(expect.objectContaining({ merchant_order_id_sent_at: null, writeback_attempts: 1 }))
    })

    it("answers a refresh from the database: same order, no second Zonos call", async () => {
      const first = await visitSuccessPage("999-1001")
      const second = await visitSuccessPage("1001")
      expect(second.headers.location).toBe(first.headers.location)
      expect(await stateOf("1001")).toBe("imported")
      expect(sandbox().calls().orderDetail).toBe(1)
    })

    it("makes exactly one Medusa order from 20 concurrent success hits racing a sweep", async () => {
      const hits = Array.from({ length: 20 }, () => visitSuccessPage("999-1003"))
      // Whatever the sweep ends with, the question is how many orders the race made.
      const sweep = sweepToEnd(getContainer()).catch(() => undefined)
      const responses = await Promise.all(hits)
      await sweep
      expect(responses.every((response) => response.status === 303)).toBe(true)
      expect(await medusaOrderIdOf(getContainer(), "999-1003")).toMatch(/^order_/)
      expect(await ordersFor("999-1003")).toHaveLength(1)
      expect(await zonosModule().listZonosOrders({ zonos_order_number: "1003" })).toHaveLength(1)
    })

    it("holds an order in fraud review without telling whoever opened the page", async () => {
      const response = await visitSuccessPage("999-1004")
      expect(redirectQueryKeys(response.headers.location)).toEqual(["zonos_order_id"])
      const [record] = await zonosModule().listZonosOrders({ zonos_order_number: "1004" })
      expect(record).toEqual(expect.objectContaining({ state: "held", hold_reason: "fraud_review" }))
    })

    it.each([
      ["a Zonos 500", { failNext: 5, endpoints: ["orderDetail"] }],
      ["no answer from Zonos", { timeoutNext: 5, endpoints: ["orderDetail"] }],
    ])("redirects the shopper on %s, records why, and the next sweep imports it once", async (_case, faults) => {
      sandbox().setFaults(faults)
      const response = await visitSuccessPage("999-1006")
      expect(response.status).toBe(303)
      expect(redirectQueryKeys(response.headers.location)).toEqual(["zonos_order_id"])
      const [failed] = await zonosModule().listZonosOrders({ zonos_order_number: "1006" })
      expect(failed).toEqual(expect.objectContaining({ state: "failed", attempts: 1 }))
      expect(failed.last_error).toMatch(/Zonos orderDetail for order 999-1006/)
      expect(failed.last_error).not.toContain(SANDBOX_SECRET)
      expect(await ordersFor("999-1006")).toHaveLength(0)

      sandbox().clearFaults()
      // Time passes: the retry is due.
      await zonosModule().updateZonosOrders({ id: failed.id, next_attempt_at: new Date(Date.now() - 1000) })
      const sweep = await sweepToEnd(getContainer())
      expect(sweep.status).toBe("succeeded")
      const [imported] = await zonosModule().listZonosOrders({ zonos_order_number: "1006" })
      expect(imported.state).toBe("imported")
      expect(await ordersFor("999-1006")).toHaveLength(1)

      const again = await visitSuccessPage("999-1006")
      expect(again.status).toBe(303)
      expect(await stateOf("1006")).toBe("imported")
      expect(await ordersFor("999-1006")).toHaveLength(1)
    })

    it("imports an order whose Zonos status it has never heard of, and shows the status", async () => {
      sandbox().setOrderStatus("999-1012", "IGLOBAL_SOMETHING_NEW")
      await visitSuccessPage("999-1012")
      const [record] = await zonosModule().listZonosOrders({ zonos_order_number: "1012" })
      expect(record).toEqual(expect.objectContaining({ state: "imported", zonos_status: "IGLOBAL_SOMETHING_NEW" }))
    })

    it("answers malformed requests with a plain 400 and no Zonos call", async () => {
      const badQueries = [
        "",
        "?orderId=",
        "?orderId=%20",
        "?orderId=abc",
        "?orderId=999-",
        "?orderId=-12345",
        "?orderId=999--12345",
        "?orderId=999-12a45",
        "?orderId=12.5",
        "?orderId=1e5",
        "?orderId=" + "9".repeat(80),
        "?orderId=999-12345-1",
        "?orderId=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?orderId=999-12345&orderId=999-12346",
        "?orderId[]=999-12345",
        "?orderId[a]=1",
        "?orderid=999-12345",
        "?orderId=999%0A12345",
        "?orderId=%00",
      ]
      sandbox().resetCalls()
      for (const query of badQueries) {
        const response = await api.get(`/zonos/success${query}`, { maxRedirects: 0, validateStatus: () => true })
        expect({ query, status: response.status }).toEqual({ query, status: 400 })
        expect(typeof response.data.message).toBe("string")
        // A plain message, never a stack trace.
        expect(response.data.message).not.toMatch(/\n\s+at |\.[jt]s:\d+/)
      }
      expect(sandbox().calls().orderDetail).toBe(0)
      expect(sandbox().callLog()).toHaveLength(0)
    })

    it("redirects for an order id Zonos does not know, and records it as not found (final, no retry)", async () => {
      const response = await visitSuccessPage("999-424242")
      expect(response.status).toBe(303)
      expect(redirectQueryKeys(response.headers.location)).toEqual(["zonos_order_id"])
      const [record] = await zonosModule().listZonosOrders({ zonos_order_number: "424242" })
      expect(record.state).toBe("not_found")
      expect(record.next_attempt_at).toBeNull()
      expect(record.last_error).toMatch(/order not found/i)
    })
  },
})
