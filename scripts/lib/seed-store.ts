import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"

/** Countries the bundled sandbox ships to (its seed orders and the orders it makes up). */
export const SANDBOX_COUNTRIES = ["gb", "de", "ca", "au", "jp", "hk", "es", "fr", "ae", "nz", "ie", "sg"]

/** Products whose SKUs the sandbox's seed orders use, so imports match catalogue variants. */
const DEMO_PRODUCTS = [
  { title: "Oxford Shirt", sku: "SHIRT-M", option: "M", price: 45 },
  { title: "Leather Belt", sku: "BELT-BRN-32", option: "Brown 32", price: 38.5 },
  { title: "Merino Crew Sweater", sku: "MERINO-CREW-L", option: "L", price: 120 },
]

/**
 * Makes a store ready for Zonos orders: a USD region selling to the sandbox's countries,
 * a warehouse with an international shipping option (so imported orders can be fulfilled),
 * and a few products with the sandbox's SKUs. Safe to run again (creates only what is missing).
 */
export async function seedZonosDemoStore(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
  const shipping = await seedShipping(container, salesChannel.id)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "name", "countries.iso_2"] })
  let region = regions.find((candidate) => candidate.name === "International (Zonos)")
  if (!region) {
    const taken = new Set(
      regions.flatMap((candidate) => (candidate.countries ?? []).map((country: { iso_2: string } | null) => country?.iso_2))
    )
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: "International (Zonos)",
            currency_code: "usd",
            countries: SANDBOX_COUNTRIES.filter((country) => !taken.has(country)),
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    region = result[0]
  }

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["sku"],
    filters: { sku: DEMO_PRODUCTS.map((product) => product.sku) },
  })
  const existing = new Set(variants.map((variant) => variant.sku))
  const missing = DEMO_PRODUCTS.filter((product) => !existing.has(product.sku))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((product) => ({
          title: product.title,
          status: "published" as const,
          options: [{ title: "Variant", values: [product.option] }],
          variants: [
            {
              title: product.option,
              sku: product.sku,
              manage_inventory: false,
              options: { Variant: product.option },
              prices: [{ amount: product.price, currency_code: "usd" }],
            },
          ],
          shipping_profile_id: shipping.shipping_profile_id,
          sales_channels: [{ id: salesChannel.id }],
        })),
      },
    })
  }
  return { region_id: region!.id, ...shipping }
}

const WAREHOUSE = "Zonos demo warehouse"

/** A stock location with a manual-provider shipping option covering the sandbox's countries. */
async function seedShipping(container: MedusaContainer, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const shippingProfileId = profile?.id ?? (await fulfillment.createShippingProfiles({ name: "Default", type: "default" })).id

  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.service_zones.shipping_options.id"],
    filters: { name: WAREHOUSE },
  })
  if (locations.length) {
    const optionId = locations[0].fulfillment_sets?.[0]?.service_zones?.[0]?.shipping_options?.[0]?.id
    return { stock_location_id: locations[0].id, shipping_option_id: optionId as string, shipping_profile_id: shippingProfileId }
  }

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: WAREHOUSE, address: { address_1: "1 Dock Road", city: "Newark", country_code: "us" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Zonos international shipping",
    type: "shipping",
    service_zones: [
      {
        name: "Zonos countries",
        geo_zones: SANDBOX_COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const {
    result: [option],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Shipped by Zonos",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfileId,
        type: { label: "Zonos", description: "International shipping booked through Zonos", code: "zonos" },
        prices: [{ currency_code: "usd", amount: 0 }],
        rules: [
          { attribute: "enabled_in_store", value: "false", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
  return { stock_location_id: location.id, shipping_option_id: option.id, shipping_profile_id: shippingProfileId }
}
