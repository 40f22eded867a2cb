import {
  ContainerRegistrationKeys,
  getVariantAvailability,
  MathBN,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { RemoteQueryFunction } from "@medusajs/framework/types"
import { ZonosOrderDetail } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { ZonosPublicSettings } from "../../../modules/zonos/types/options"
import { findOrCreateZonosCustomer } from "../helpers/zonos-customer"
import {
  CatalogueMatch,
  MappedZonosOrder,
  mapZonosOrder,
  orderCurrencyCode,
  pickRegion,
  regionNotFoundError,
  ZonosMappingError,
} from "../mapping/map-zonos-order"

export const ZONOS_PAYMENT_PROVIDER_ID = "pp_zonos_zonos"
const SYSTEM_PAYMENT_PROVIDER_ID = "pp_system_default"

export type PreparedMedusaOrder = {
  mapped: MappedZonosOrder | null
  payment_provider_id: string
  error: string | null
}

/**
 * Gathers what the pure mapping needs from the store (region, sales channel, catalogue
 * matches with stock, and the cart when the Zonos order was checked out from one), maps
 * the Zonos order to createOrderWorkflow's input, and gives it its customer (the cart's, or one
 * found or made by email: findOrCreateZonosCustomer). A mapping problem a merchant must fix
 * (e.g. no region) is returned as an error, not thrown. Without an order to map (it exists
 * already, or Zonos could not be read) it answers null and reads nothing.
 */
export const prepareMedusaOrderInputStep = createStep(
  "prepare-medusa-order-input",
  async (input: { detail: ZonosOrderDetail | null }, { container }) => {
    if (!input.detail) {
      return new StepResponse<PreparedMedusaOrder | null>(null)
    }
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const settings = zonos.getSettings()
    const order = input.detail

    const paymentProviderId = await paymentProviderIdFor(zonos, query)

    try {
      const currencyCode = orderCurrencyCode(order, settings.currency)
      const countryCode = String(order.countryCode ?? "").toLowerCase()
      const regionId = pickRegion(await regionsSellingTo(query, countryCode), countryCode, currencyCode, settings.regionId)
      if (!regionId) {
        throw regionNotFoundError(String(order.countryCode ?? ""), currencyCode)
      }
      const cart = await findCheckoutCart(query, order.referenceId)
      // A cart order belongs to the channel the shopper bought in.
      const salesChannelId =
        cart?.sales_channel_id ?? settings.salesChannelId ?? (await defaultSalesChannelId(query))
      const catalogue = await findCatalogueMatches(query, order, salesChannelId, cart?.variant_ids)
      const mapped = mapZonosOrder(order, {
        storeId: settings.storeId,
        currency: settings.currency,
        regionId,
        salesChannelId,
        catalogue,
        cart: cart ? { id: cart.id, customer_id: cart.customer_id } : undefined,
      })
      // The order's customer: the checkout cart's, else one found or made by email, under a lock.
      const customerId = mapped.input.customer_id ?? (await findOrCreateZonosCustomer(container, mapped.input.email))
      return new StepResponse<PreparedMedusaOrder | null>({
        mapped: { ...mapped, input: { ...mapped.input, customer_id: customerId } },
        payment_provider_id: paymentProviderId,
        error: null,
      })
    } catch (error) {
      if (error instanceof ZonosMappingError) {
        return new StepResponse<PreparedMedusaOrder | null>({
          mapped: null,
          payment_provider_id: paymentProviderId,
          error: error.message,
        })
      }
      throw error
    }
  }
)

type Query = Omit<RemoteQueryFunction, symbol>

/**
 * Per store, the provider its imports pay through, read once. Keyed by the Zonos module's
 * settings object, made once per store: each resolve of the module answers a new proxy.
 */
const paymentProviderIds = new WeakMap<ZonosPublicSettings, Promise<string>>()

/**
 * The Zonos payment provider when the store runs it, else Medusa's system provider. Payment
 * providers come from medusa-config and are registered (or disabled, when taken out of it) at
 * boot, so the answer holds for the life of the process: one read on the first import, not one
 * on every import. A failed read is not kept.
 */
function paymentProviderIdFor(zonos: ZonosModuleService, query: Query): Promise<string> {
  const store = zonos.getSettings()
  const known = paymentProviderIds.get(store)
  if (known) return known
  const reading = query
    .graph({ entity: "payment_provider", fields: ["id", "is_enabled"], filters: { id: ZONOS_PAYMENT_PROVIDER_ID } })
    .then(({ data: providers }) =>
      providers.some((provider) => provider.is_enabled) ? ZONOS_PAYMENT_PROVIDER_ID : SYSTEM_PAYMENT_PROVIDER_ID
    )
  reading.catch(() => paymentProviderIds.delete(store))
  paymentProviderIds.set(store, reading)
  return reading
}

/**
 * The regions pickRegion chooses from: only those that have the order's country (a country
 * belongs to one region at most), each given with that country alone; one filtered read.
 * Reading every region with every country for each order costs what the store's whole list weighs.
 */
async function regionsSellingTo(query: Query, countryCode: string) {
  if (!countryCode) return []
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: { countries: { iso_2: countryCode } },
  })
  return data.map((region) => ({ id: region.id, currency_code: region.currency_code, countries: [{ iso_2: countryCode }] }))
}

async function defaultSalesChannelId(query: Query): Promise<string | undefined> {
  const { data: stores } = await query.graph({ entity: "store", fields: ["default_sales_channel_id"] })
  return stores[0]?.default_sales_channel_id ?? undefined
}

type CheckoutCart = { id: string; customer_id: string | null; sales_channel_id: string | null; variant_ids: string[] }

/**
 * The Medusa cart a Zonos order was checked out from: POST /store/zonos/checkout sends the
 * cart id as referenceId. Any other referenceId (another shop's, a seed's) finds nothing.
 */
async function findCheckoutCart(query: Query, referenceId: unknown): Promise<CheckoutCart | null> {
  if (!isText(referenceId) || !referenceId.startsWith("cart_")) {
    return null
  }
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "sales_channel_id", "items.variant_id"],
    filters: { id: referenceId },
  })
  const cart = data[0]
  if (!cart) {
    return null
  }
  return {
    id: cart.id,
    customer_id: cart.customer_id ?? null,
    sales_channel_id: cart.sales_channel_id ?? null,
    variant_ids: (cart.items ?? []).map((item: { variant_id?: string | null } | null) => item?.variant_id).filter(isText),
  }
}

/**
 * Variants the Zonos items name, by variant id (`productId`) or SKU, with whether the stock
 * covers the ordered quantity (a paid order is imported either way; see the mapping).
 * For a cart order, only the cart's own variants, by id (mapping rule 9).
 */
async function findCatalogueMatches(
  query: Query,
  order: ZonosOrderDetail,
  salesChannelId: string | undefined,
  cartVariantIds?: string[]
): Promise<Record<string, CatalogueMatch>> {
  const items = (order.items ?? []).filter((item) =>
    cartVariantIds ? isText(item.productId) && cartVariantIds.includes(item.productId) : item.productId || item.sku
  )
  const keys = [
    ...new Set(items.flatMap((item) => (cartVariantIds ? [item.productId] : [item.productId, item.sku])).filter(isText)),
  ]
  if (!keys.length) {
    return {}
  }
  const fields = ["id", "sku", "title", "product_id", "manage_inventory", "allow_backorder", "product.title"]
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields,
    filters: cartVariantIds ? { id: keys } : { $or: [{ id: keys }, { sku: keys }] },
  })
  const managed = variants.filter((variant) => variant.manage_inventory && !variant.allow_backorder)
  const availability =
    managed.length && salesChannelId
      ? await getVariantAvailability(query, {
          variant_ids: managed.map((variant) => variant.id),
          sales_channel_id: salesChannelId,
        })
      : {}

  const matches: Record<string, CatalogueMatch> = {}
  for (const variant of variants) {
    if (!variant.product_id) continue
    const wanted = items
      .filter((item) => item.productId === variant.id || (variant.sku && item.sku === variant.sku))
      .reduce((sum, item) => MathBN.add(sum, item.quantity ?? 0), MathBN.convert(0))
    const available = availability[variant.id]?.availability
    const inStock =
      !variant.manage_inventory || variant.allow_backorder || MathBN.gte(available ?? 0, wanted)
    const match: CatalogueMatch = {
      variant_id: variant.id,
      product_id: variant.product_id,
      sku: variant.sku ?? null,
      title: variant.product?.title ?? variant.title,
      in_stock: Boolean(inStock),
    }
    matches[variant.id] = match
    if (variant.sku) {
      matches[variant.sku] = match
    }
  }
  return matches
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value.length > 0
}
