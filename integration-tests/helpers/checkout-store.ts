import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCartWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"

export const JACKET_SKU = "JACKET-TRAVEL-M"
export const PROMO_CODE = "ZONOS10"
export const SHOPPER_ADDRESS = {
  first_name: "Amelia",
  last_name: "Clarke",
  address_1: "14 Queens Road",
  city: "Bristol",
  postal_code: "BS8 1QU",
  country_code: "gb",
}

export type CheckoutStore = {
  publishable_key: string
  region_id: string
  sales_channel_id: string
  stock_location_id: string
  shipping_option_id: string
  shirt_variant_id: string
  jacket_variant_id: string
  jacket_inventory_item_id: string
}

/**
 * The demo store plus what a storefront checkout needs: a publishable key, a product whose
 * variant manages inventory (10 in stock) and has weight, dimensions, HS code and origin, and
 * a 10 % promotion. Safe to run again.
 */
export async function seedCheckoutStore(container: MedusaContainer): Promise<CheckoutStore> {
  const demo = await seedZonosDemoStore(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })

  const apiKeys = container.resolve(Modules.API_KEY)
  const [existingKey] = await apiKeys.listApiKeys({ title: "zonos storefront tests", type: "publishable" })
  let token = existingKey?.token
  if (!existingKey) {
    const {
      result: [key],
    } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "zonos storefront tests", type: "publishable", created_by: "zonos-tests" }] },
    })
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannel.id] } })
    token = key.token
  }

  const find = async (sku: string) =>
    (
      await query.graph({
        entity: "product_variant",
        fields: ["id", "inventory_items.inventory_item_id"],
        filters: { sku },
      })
    ).data[0]
  if (!(await find(JACKET_SKU))) {
    const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id"], filters: { type: "default" } })
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: "Travel Jacket",
            handle: "travel-jacket",
            status: "published",
            thumbnail: "https://shop.example/images/travel-jacket.jpg",
            options: [{ title: "Size", values: ["M"] }],
            variants: [
              {
                title: "M",
                sku: JACKET_SKU,
                manage_inventory: true,
                weight: 850,
                length: 40,
                width: 30,
                height: 5,
                hs_code: "6201.40",
                origin_country: "pt",
                material: "Nylon",
                options: { Size: "M" },
                prices: [{ amount: 149.99, currency_code: "usd" }],
              },
            ],
            shipping_profile_id: profiles[0]?.id,
            sales_channels: [{ id: salesChannel.id }],
          },
        ],
      },
    })
    const jacket = await find(JACKET_SKU)
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: [
          {
            inventory_item_id: String(jacket.inventory_items?.[0]?.inventory_item_id),
            location_id: demo.stock_location_id,
            stocked_quantity: 10,
          },
        ],
      },
    })
    await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: [
          {
            code: PROMO_CODE,
            type: "standard",
            status: "active",
            application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
          },
        ],
      },
    })
  }
  const jacket = await find(JACKET_SKU)
  const shirt = await find("SHIRT-M")
  return {
    publishable_key: String(token),
    region_id: demo.region_id,
    sales_channel_id: salesChannel.id,
    stock_location_id: demo.stock_location_id,
    shipping_option_id: demo.shipping_option_id,
    shirt_variant_id: shirt.id,
    jacket_variant_id: jacket.id,
    jacket_inventory_item_id: String(jacket.inventory_items?.[0]?.inventory_item_id),
  }
}

/** A cart as a storefront makes one: a shirt, a jacket, the promotion and a UK address. */
export async function createShopperCart(
  container: MedusaContainer,
  store: CheckoutStore,
  options: { items?: { variant_id: string; quantity: number }[]; promo?: boolean; currency_code?: string } = {}
) {
  const { result } = await createCartWorkflow(container).run({
    input: {
      region_id: store.region_id,
      sales_channel_id: store.sales_channel_id,
      currency_code: options.currency_code,
      email: "amelia.clarke@example.co.uk",
      shipping_address: SHOPPER_ADDRESS,
      items: options.items ?? [
        { variant_id: store.shirt_variant_id, quantity: 2 },
        { variant_id: store.jacket_variant_id, quantity: 1 },
      ],
      promo_codes: options.promo === false ? [] : [PROMO_CODE],
    },
  })
  return result
}
