import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { useZonosSandbox } from "../helpers/sandbox-env"
import { medusaOrderIdOf } from "../helpers/zonos-rows"

jest.setTimeout(180_000)

const { sandbox } = useZonosSandbox({ ZONOS_CURRENCY: "foreign" })

/** One region per shopper currency of the sandbox's seed orders. */
const REGIONS: Record<string, string[]> = {
  gbp: ["gb"],
  eur: ["de", "es", "fr", "ie"],
  cad: ["ca"],
  aud: ["au"],
  jpy: ["jp"],
  hkd: ["hk"],
  aed: ["ae"],
  nzd: ["nz"],
  sgd: ["sg"],
}

medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    beforeAll(async () => {
      await createRegionsWorkflow(getContainer()).run({
        input: {
          regions: Object.entries(REGIONS).map(([currency_code, countries]) => ({
            name: currency_code.toUpperCase(),
            currency_code,
            countries,
          })),
        },
      })
    })

    it("imports in the shopper's currency with the total equal to grandTotalForeign, yen included", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      for (const zonosOrder of sandbox().listOrders()) {
        if (zonosOrder.orderStatus === "IGLOBAL_ORDER_CANCELLED") continue
        const response = await api.get(`/zonos/success?orderId=${zonosOrder.orderId}`, {
          maxRedirects: 0,
          validateStatus: () => true,
        })
        expect(response.status).toBe(303)
        const orderId = await medusaOrderIdOf(getContainer(), String(zonosOrder.orderId))
        const {
          data: [order],
        } = await query.graph({
          entity: "order",
          fields: [
            "id",
            "currency_code",
            "total",
            "original_tax_total",
            "metadata",
            "payment_collections.captured_amount",
            "summary.current_order_total",
            "summary.pending_difference",
          ],
          filters: { id: orderId! },
        })
        const currency = String(zonosOrder.foreignCurrencyCode).toLowerCase()
        const decimals = currency === "jpy" ? 0 : 2
        const exact = (amount: unknown) => MathBN.convert(String(amount)).toFixed(decimals)
        expect({ id: zonosOrder.orderId, currency: order.currency_code }).toEqual({ id: zonosOrder.orderId, currency })
        expect({ id: zonosOrder.orderId, total: exact(order.total) }).toEqual({
          id: zonosOrder.orderId,
          total: exact(zonosOrder.grandTotalForeign),
        })
        // Medusa's admin summary shows original_tax_total as "Tax total": Zonos's duties & taxes
        expect(exact(order.original_tax_total)).toBe(
          exact(zonosOrder.dutyTaxesTotalForeign ?? zonosOrder.quotedDutyTaxesForeign ?? 0)
        )
        expect(exact(order.payment_collections[0].captured_amount)).toBe(exact(zonosOrder.grandTotalForeign))
        // The summary Medusa stores with the order (what returns and refunds reckon from) agrees:
        // the order was made with its duties and discount on its lines, and nothing is owed.
        expect({ id: zonosOrder.orderId, stored: exact(order.summary.current_order_total), owed: exact(order.summary.pending_difference) }).toEqual({
          id: zonosOrder.orderId,
          stored: exact(zonosOrder.grandTotalForeign),
          owed: exact(0),
        })
        expect(order.metadata.zonos_amounts_usd.grand_total).toBe(MathBN.convert(String(zonosOrder.grandTotal)).toString())
      }
    })
  },
})
