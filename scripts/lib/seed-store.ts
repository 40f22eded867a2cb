import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"

/** Countries the bundled sandbox ships to (its seed orders and the orders it makes up). */
export const SANDBOX_COUNTRIES = ["gb", "de", "ca", "au", "jp", "hk", "es", "fr", "ae", "nz", "ie", "sg"]

/** Products whose SKUs the sandbox's seed orders use, so imports match catalogue variants. */
const DEMO_PRODUCTS = [
  { title: "Oxford Shirt", sku: "SHIRT-M", option: "M", price: 45 },
  { title: "Leather Belt", sku: "BELT-BRN-32", option: "Brown 32", price: 38.5 },
  { title: "Merino Crew Sweater", sku: "MERINO-CREW-L", option: "L", price: 120 },
]

/**
 * Makes a store ready for Zonos orders: a USD region selling to the sandbox's countries
 * and a few products with the sandbox's SKUs. Safe to run again (creates only what is missing).
 */
export async function seedZonosDemoStore(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
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
    const salesChannel = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
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
          sales_channels: salesChannel.map((channel) => ({ id: channel.id })),
        })),
      },
    })
  }
  return { region_id: region!.id }
}
