import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180_000)

const { sandbox } = useZonosSandbox()
const STOREFRONT = "https://shop.example/checkout/thank-you"

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
          "tax_total",
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
        const orderId = location.searchParams.get("order_id")
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
        expect(order.shipping_address.country_code).toBe(String(zonosOrder.countryCode).toLowerCase())
        expect(order.metadata.zonos_order_id).toBe(id)
        expect(order.metadata).not.toHaveProperty("zonos_national_identifier")
        expect(JSON.stringify(order.metadata)).not.toContain("birthDate")
        expect(order.items.every((item: { unit_price: number }) => MathBN.gte(item.unit_price, 0))).toBe(true)
        const [payments] = order.payment_collections
        expect(payments.status).toBe(cancelled ? "canceled" : "completed")
        expect(cents(payments.captured_amount)).toBe(grandTotal)
        if (cancelled) expect(cents(payments.refunded_amount)).toBe(grandTotal)
        expect(order.zonos_order.zonos_order_id).toBe(id.split("-")[1])
      }
    })
  },
})
