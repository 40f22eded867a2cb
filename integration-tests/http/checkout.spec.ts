import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createCartWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { CheckoutStore, createShopperCart, JACKET_SKU, PROMO_CODE, seedCheckoutStore } from "../helpers/checkout-store"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180_000)

const { sandbox } = useZonosSandbox({ ZONOS_CONTINUE_SHOPPING_URL: "https://shop.example/", ZONOS_PRODUCT_URL_TEMPLATE: "https://shop.example/products/{handle}" })

medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    let store: CheckoutStore
    beforeAll(async () => {
      store = await seedCheckoutStore(getContainer())
    })
    beforeEach(() => sandbox().reset())

    const startCheckout = (cartId: unknown, key: string | null = store.publishable_key) =>
      api.post("/store/zonos/checkout", { cart_id: cartId }, {
        headers: key ? { "x-publishable-api-key": key } : {},
        validateStatus: () => true,
      })
    const tempCartCalls = () => sandbox().callLog().filter((entry) => entry.endpoint === "createTempCart")

    it("sends the cart to createTempCart with exactly the documented keys and answers the hosted checkout", async () => {
      const cart = await createShopperCart(getContainer(), store)
      const response = await startCheckout(cart.id)
      expect(response.status).toBe(200)
      expect(Object.keys(response.data).sort()).toEqual(["checkout_url", "temp_cart_uuid"])

      const calls = tempCartCalls()
      expect(calls).toHaveLength(1)
      const backend = new URL(String(api.defaults.baseURL ?? "http://localhost")).origin
      expect(calls[0].body).toEqual({
        storeId: "999",
        secret: "***",
        referenceId: cart.id,
        externalConfirmationPageURL: `${backend}/zonos/success`,
        contShoppingURL: "https://shop.example/",
        misc1: cart.customer_id,
        misc6: "medusa-plugin-zonos",
        items: [
          {
            productId: store.shirt_variant_id,
            sku: "SHIRT-M",
            description: "Oxford Shirt - M",
            quantity: 2,
            unitPrice: "45.00",
            itemURL: "https://shop.example/products/oxford-shirt",
          },
          {
            productId: store.jacket_variant_id,
            sku: JACKET_SKU,
            description: "Travel Jacket - M",
            quantity: 1,
            unitPrice: "149.99",
            imageURL: "https://shop.example/images/travel-jacket.jpg",
            itemURL: "https://shop.example/products/travel-jacket",
            weight: "850",
            weightUnits: "G",
            length: "40",
            width: "30",
            height: "5",
            dimensionUnits: "CM",
            itemHSCode: "6201.40",
            countryOfOrigin: "PT",
            itemMaterial: "Nylon",
          },
          // 10 % of 90.00 and of 149.99, as one negative item for the promotion.
          { description: `Discount ${PROMO_CODE}`, sku: PROMO_CODE, quantity: 1, unitPrice: "-24.00" },
        ],
      })

      const uuid = response.data.temp_cart_uuid
      expect(response.data.checkout_url).toBe(`${sandbox().url}/checkout?store=999&tempCartUUID=${uuid}&country=GB`)
      const page = await fetch(response.data.checkout_url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain("Travel Jacket - M")
    })

    it("refuses what Zonos cannot take with a 4xx and a message, without calling Zonos", async () => {
      const container = getContainer()
      const unknown = await startCheckout("cart_01DOESNOTEXIST")
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("Cart not found")

      const { result: empty } = await createCartWorkflow(container).run({
        input: { region_id: store.region_id, sales_channel_id: store.sales_channel_id, email: "a@example.com" },
      })
      const emptyAnswer = await startCheckout(empty.id)
      expect(emptyAnswer.status).toBe(400)
      expect(emptyAnswer.data.message).toBe(`Cart ${empty.id} is empty`)

      const {
        result: [euroRegion],
      } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "Italy (EUR)", currency_code: "eur", countries: ["it"] }] },
      })
      const { result: euro } = await createCartWorkflow(container).run({
        input: { region_id: euroRegion.id, sales_channel_id: store.sales_channel_id },
      })
      const euroAnswer = await startCheckout(euro.id)
      expect(euroAnswer.status).toBe(400)
      expect(euroAnswer.data.message).toBe("Zonos Checkout is not set up for EUR (it takes USD)")

      expect((await startCheckout(undefined)).status).toBe(400)
      expect((await startCheckout("")).status).toBe(400)
      const cart = await createShopperCart(container, store)
      const noKey = await startCheckout(cart.id, null)
      expect(noKey.status).toBe(400)

      expect(tempCartCalls()).toHaveLength(0)
    })
  },
})
