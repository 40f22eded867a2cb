/**
 * Zonos order -> Medusa order input (createOrderWorkflow's CreateOrderDTO), plus the tax lines,
 * expected totals, stock shortfalls and reconciliation notes. PURE: no I/O, no container, no clock.
 *
 * Money is exact: decimal strings in, decimal strings out, arithmetic with MathBN only.
 *
 * RULES
 *  1. Email: `email`, else `billingEmail`; neither -> ZonosMappingError.
 *  2. Addresses come from the flat keys. `name` is split at the FIRST space: "Maria de la Cruz Santos"
 *     -> "Maria" / "de la Cruz Santos"; one word -> last name "". state -> province, zip -> postal_code
 *     (left out when empty), country code lower-cased, address3 appended to address_2 with ", " and
 *     kept as metadata.address_3. Billing from the `billing*` keys; when billingAddress1 is empty,
 *     billing is a copy of shipping.
 *  3. Items with a unitPrice >= 0 become line items, at exactly Zonos's unit price (custom price,
 *     is_tax_inclusive false, is_discountable false so store promotions leave the paid order alone,
 *     requires_shipping = !itemNonShippable, thumbnail = imageURL).
 *     Catalogue match by productId, else sku. In stock -> variant_id, product_id, variant_sku.
 *     Out of stock -> stays a custom line (so Medusa's inventory check cannot refuse a paid order),
 *     listed in `shortfalls`, metadata matched_variant_id + stock_shortfall: true.
 *     Every line keeps metadata zonos_item (the item as received), zonos_line_index (its index in
 *     input.items) and zonos_item_index (its index in Zonos's items).
 *  4. Discount = line items + shipping + duties & taxes - grand total, so the Medusa total equals
 *     Zonos's grand total BY CONSTRUCTION. Discount items (negative unitPrice) and promoCode.amount
 *     are not lines: they only explain the discount (a note when explained != implied). The discount
 *     becomes line item adjustments (code = promoCode.code or "ZONOS_DISCOUNT"), spread in proportion
 *     to line subtotals, rounded down to the currency's minor unit, leftover on the largest line
 *     (then the next), never more than a line's subtotal. The adjustments are is_tax_inclusive: true
 *     (the amount is what Zonos took off what the shopper paid, duties & taxes included): Medusa
 *     takes amount / (1 + r) off the taxed base and exactly `amount` off the total, and shows
 *     discount_total = the discount (see rule 6).
 *     Negative discount (total higher than its parts) or a discount above the items -> ZonosMappingError.
 *  5. Shipping: one method, name customerSelectedShippingName (or "Zonos shipping"), amount shippingTotal.
 *  6. Duties & taxes are TAX (not shipping, not an item): one "ZONOS_DUTIES_TAXES" tax line on every
 *     line item and on the shipping method, all with the same rate
 *     = duties / (items + shipping, BEFORE the discount) * 100, 20 decimals. Medusa's admin summary
 *     shows original_tax_total (tax on the undiscounted base) as "Tax total": that is then the duties
 *     to ~1e-20 of the base, i.e. exactly once rounded to the minor unit. With rule 4's tax-inclusive
 *     adjustments, Medusa's own totals (decorateCartTotals) give, r = rate / 100, D = discount:
 *       item_subtotal = items, shipping_subtotal = shipping, original_tax_total = r (items + shipping)
 *       = duties, discount_total = D, original_total = items + shipping + duties,
 *       total = (items + shipping)(1 + r) - D = grand total,
 *     so the summary (subtotal, shipping, tax, total, discount, total after discount) is Zonos's
 *     figures and adds up. tax_total (tax after the discount) is duties - D r / (1 + r): Medusa's
 *     split of the tax-inclusive discount, not a Zonos figure. An order without a discount has no
 *     adjustments and the same base either way, so its rate and totals do not depend on rule 4.
 *     No duties -> no tax lines. createOrderWorkflow is given the tax lines and the adjustments on
 *     the lines themselves (createOrderInputOf), so the order is made with them in one transaction
 *     and the summary Medusa stores with it (current_order_total, what refunds and returns reckon
 *     from) is Zonos's grand total. Its tax recompute keeps the tax lines unless the store's own
 *     tax settings give the order lines of their own; its promotion refresh always removes the
 *     adjustments. The import then puts back what is missing (zonosTaxLinesInPlace).
 *  7. Currency "usd": the USD amounts as they are. "foreign": foreignCurrencyCode and the ...Foreign
 *     totals; unit prices converted at itemsTotalForeign / itemsTotal and rounded UP to the minor unit
 *     (rounding up keeps the implied discount >= 0); the discount absorbs that rounding, so the total
 *     still equals grandTotalForeign exactly. Missing foreign amounts -> ZonosMappingError.
 *  8. Order metadata: zonos_* ids, status, flags, amounts, payment, customer notes, PO, misc.
 *     NEVER nationalIdentifier or birthDate (those stay in the plugin's own record).
 *  9. Cart orders (the referenceId is a cart of this store, started with POST /store/zonos/checkout):
 *     the caller gives ctx.cart and a catalogue of that cart's variants only, so each line matches
 *     the cart's variant by productId (= the variant id the checkout sent), never a look-alike SKU;
 *     the order gets the cart's customer_id and metadata.medusa_cart_id. Linking the order to the
 *     cart and completing it is the import workflow's job (link-zonos-order-to-cart step).
 * 10. What the admin's Zonos panel shows as "Discount", per currency Zonos gives: itemsTotal +
 *     shipping + duties & taxes - grand total (the same implied discount as rule 4, read from
 *     Zonos's totals), so the panel's rows add up to its total; null when there is none, or when
 *     Zonos left out a total it needs. Never negative: a total above its parts is rule 4's error.
 */
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput, CreateOrderDTO } from "@medusajs/framework/types"
import {
  formatZonosOrderId,
  parseZonosOrderId,
  type ZonosOrderDetail,
  type ZonosOrderItem,
} from "../../../modules/zonos/client"

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** A decimal string such as "45", "12.3" or "-5". Money is never a binary float here. */
export type Decimal = string

export type CatalogueMatch = {
  variant_id: string
  product_id: string
  sku: string | null
  title: string
  in_stock: boolean
}

export type MapZonosOrderContext = {
  /** Zonos store id, e.g. "999". */
  storeId: string
  /** "usd": Zonos's USD amounts (default). "foreign": the shopper's currency and ...Foreign amounts. */
  currency: "usd" | "foreign"
  /** Already chosen by the caller (see pickRegion). */
  regionId: string
  salesChannelId?: string
  /** Keyed by a Zonos item's productId OR sku; a missing key means "no match". */
  catalogue: Record<string, CatalogueMatch>
  /** The Medusa cart the Zonos order was checked out from (rule 9), if any. */
  cart?: { id: string; customer_id?: string | null }
}

export type MappedAddress = {
  first_name: string
  last_name: string
  company?: string
  phone?: string
  address_1?: string
  address_2?: string
  city?: string
  province?: string
  postal_code?: string
  country_code?: string
  metadata: Record<string, unknown>
}

export type MappedAdjustment = {
  code: string
  amount: Decimal
  description: string
  /** true: the amount is what Zonos took off, duties & taxes included (rules 4, 6). */
  is_tax_inclusive: true
}

export type MappedItem = {
  title: string
  quantity: number
  unit_price: Decimal
  is_tax_inclusive: false
  /** false: the shopper already paid; store promotions must not re-price the line. */
  is_discountable: false
  requires_shipping: boolean
  thumbnail?: string
  variant_id?: string
  product_id?: string
  variant_sku?: string
  adjustments: MappedAdjustment[]
  metadata: Record<string, unknown>
}

export type MappedShippingMethod = {
  name: string
  amount: Decimal
  is_tax_inclusive: false
  data: Record<string, unknown>
}

export type MappedTaxLine = { rate: Decimal; code: string; description: string }

export type StockShortfall = { line_index: number; variant_id: string; sku: string | null }

export type MappedZonosOrder = {
  input: {
    region_id: string
    sales_channel_id?: string
    /** The checkout cart's customer; otherwise set by the import workflow (found or created by email). */
    customer_id?: string
    email: string
    currency_code: string
    status: "pending"
    no_notification: true
    shipping_address: MappedAddress
    billing_address: MappedAddress
    items: MappedItem[]
    shipping_methods: MappedShippingMethod[]
    metadata: Record<string, unknown>
  }
  /** To set on the created order's items (by zonos_line_index) and shipping method. */
  taxLines: {
    items: (MappedTaxLine & { line_index: number })[]
    shipping: (MappedTaxLine & { method_index: number })[]
  }
  /**
   * What the Medusa order's totals will be (rule 6): items = item_subtotal, discount =
   * discount_total, shipping = shipping_subtotal, tax = original_tax_total, total = total.
   */
  totals: {
    currency_code: string
    items: Decimal
    discount: Decimal
    shipping: Decimal
    tax: Decimal
    total: Decimal
  }
  /** Matched variants that are out of stock (kept as custom lines). */
  shortfalls: StockShortfall[]
  /** Reconciliation remarks for the merchant. */
  notes: string[]
}

// Compile-time check: `input` must be a valid createOrderWorkflow input.
type MustBeAssignable<T extends U, U> = T
export type MappedInputIsCreateOrderDTO = MustBeAssignable<MappedZonosOrder["input"], CreateOrderDTO>

export class ZonosMappingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ZonosMappingError"
  }
}

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

const DEFAULT_DISCOUNT_CODE = "ZONOS_DISCOUNT"
const DEFAULT_SHIPPING_NAME = "Zonos shipping"
const TAX_CODE = "ZONOS_DUTIES_TAXES"
const TAX_DESCRIPTION = "Duties & taxes (Zonos)"
/** The provider of the duties & taxes lines (rule 6). */
export const ZONOS_TAX_PROVIDER_ID = "zonos"
/** Fractional digits of the duties & taxes rate. */
const RATE_DECIMALS = 20
const USE_USD_HINT = 'or set the plugin option currency to "usd"'

/** ISO 4217 currencies without a minor unit (all others have 2 decimals, except the list below). */
const ZERO_DECIMAL_CURRENCIES = [
  "bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
]
const THREE_DECIMAL_CURRENCIES = ["bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd"]

// bignumber.js rounding modes (MathBN returns bignumber.js numbers).
const ROUND_CEIL = 2
const ROUND_FLOOR = 3

// ---------------------------------------------------------------------------------------------
// Exported helpers
// ---------------------------------------------------------------------------------------------

/** A mapped duties & taxes line as Medusa stores it on a line (rule 6). */
export function zonosTaxLine(line: MappedTaxLine) {
  return { rate: line.rate, code: line.code, description: line.description, provider_id: ZONOS_TAX_PROVIDER_ID }
}

/** createOrderWorkflow's input for a mapped order (rule 6): the duties & taxes lines on the lines they belong to. */
export function createOrderInputOf(mapped: MappedZonosOrder) {
  return {
    ...mapped.input,
    items: mapped.input.items.map((item, index) => ({
      ...item,
      tax_lines: mapped.taxLines.items.filter((line) => line.line_index === index).map(zonosTaxLine),
    })),
    shipping_methods: mapped.input.shipping_methods.map((method, index) => ({
      ...method,
      tax_lines: mapped.taxLines.shipping.filter((line) => line.method_index === index).map(zonosTaxLine),
    })),
  }
}

/** The tax lines one line of a Medusa order carries, as Query reads them. */
export type OrderLineTaxLines = { tax_lines?: ({ code?: string | null; provider_id?: string | null } | null)[] | null }

/**
 * Whether a Medusa order's lines carry the duties & taxes lines the mapping gave them and no
 * others (rule 6): `items` by zonos_line_index, `shippingMethods` in the mapping's order. False
 * when the store's own tax recompute replaced them, or for an order an earlier attempt made
 * without them: then the import sets Zonos's.
 */
export function zonosTaxLinesInPlace(
  mapped: MappedZonosOrder,
  items: (OrderLineTaxLines & { zonos_line_index: number })[],
  shippingMethods: OrderLineTaxLines[]
): boolean {
  const carries = (line: OrderLineTaxLines, expected: MappedTaxLine[]) => {
    const actual = (line.tax_lines ?? []).flatMap((taxLine) => (taxLine ? [taxLine] : []))
    return (
      actual.length === expected.length &&
      expected.every((wanted) => actual.some((taxLine) => taxLine.code === wanted.code && taxLine.provider_id === ZONOS_TAX_PROVIDER_ID))
    )
  }
  return (
    items.length === mapped.input.items.length &&
    items.every((item) => carries(item, mapped.taxLines.items.filter((line) => line.line_index === item.zonos_line_index))) &&
    shippingMethods.length === mapped.input.shipping_methods.length &&
    shippingMethods.every((method, index) => carries(method, mapped.taxLines.shipping.filter((line) => line.method_index === index)))
  )
}

/** "usd", or the order's foreignCurrencyCode lower-cased. */
export function orderCurrencyCode(order: ZonosOrderDetail, currency: "usd" | "foreign"): string {
  if (currency === "usd") {
    return "usd"
  }
  const code = text(order.foreignCurrencyCode)
  if (code === undefined) {
    throw new ZonosMappingError(
      `Zonos order ${order.orderId} has no foreignCurrencyCode, so it cannot be imported in the shopper's currency: ${USE_USD_HINT}`
    )
  }
  return code.toLowerCase()
}

/**
 * The region selling to `countryCode` in `currencyCode` (both case-insensitive); else
 * `fallbackRegionId` (the plugin option regionId); else null (see regionNotFoundError).
 */
export function pickRegion(
  regions: { id: string; currency_code: string; countries: { iso_2: string }[] }[],
  countryCode: string,
  currencyCode: string,
  fallbackRegionId?: string
): string | null {
  const country = countryCode.trim().toLowerCase()
  const currency = currencyCode.trim().toLowerCase()
  const match = regions.find(
    (region) =>
      region.currency_code.toLowerCase() === currency &&
      region.countries.some((c) => c.iso_2.toLowerCase() === country)
  )
  return match?.id ?? fallbackRegionId ?? null
}

/** The error to throw when pickRegion found nothing. */
export function regionNotFoundError(countryCode: string, currencyCode: string): ZonosMappingError {
  return new ZonosMappingError(
    `No region sells to "${countryCode.toLowerCase()}" in ${currencyCode.toUpperCase()}: create one, or set the plugin option regionId`
  )
}

// ---------------------------------------------------------------------------------------------
// The mapping
// ---------------------------------------------------------------------------------------------

export function mapZonosOrder(order: ZonosOrderDetail, ctx: MapZonosOrderContext): MappedZonosOrder {
  const orderId = zonosOrderLabel(order, ctx.storeId)
  const zonosItems = readItems(order, orderId)
  const productItems = zonosItems.filter((entry) => !isDiscountItem(entry))
  const discountItems = zonosItems.filter(isDiscountItem)
  if (productItems.length === 0) {
    throw new ZonosMappingError(`Zonos order ${orderId} has no items with a price of 0 or more: nothing to import`)
  }
  const money = readMoney(order, zonosItems, ctx.currency, orderId)

  // Line items at Zonos's prices
  const mapped = productItems.map((entry, lineIndex) => mapLineItem(entry, lineIndex, money, ctx.catalogue))
  const subtotals = mapped.map(({ item }) => lineSubtotal(item))
  const itemsSubtotal = sum(subtotals)

  // Discount: whatever makes the total equal Zonos's grand total, spread over the lines
  const discount = impliedDiscount(itemsSubtotal, money, orderId)
  const shares = spreadDiscount(discount, subtotals, money.decimals)
  const code = text(order.promoCode?.code) ?? DEFAULT_DISCOUNT_CODE
  const description = discountDescription(discountItems, order)
  const items = mapped.map(({ item }, index) => ({
    ...item,
    adjustments: isZero(shares[index])
      ? []
      : [{ code, amount: shares[index], description, is_tax_inclusive: true as const }],
  }))

  // Duties & taxes: one tax line per line item and on the shipping method, same rate, on the
  // undiscounted base (the discount is tax-inclusive, rule 6)
  const taxableBase = sum([itemsSubtotal, money.shipping])
  const rate = dutiesTaxesRate(money.dutiesTaxes, taxableBase, orderId)
  const taxLine = { rate: rate ?? "0", code: TAX_CODE, description: TAX_DESCRIPTION }

  const { shipping_address, billing_address } = mapAddresses(order)
  return {
    input: {
      region_id: ctx.regionId,
      ...(ctx.salesChannelId ? { sales_channel_id: ctx.salesChannelId } : {}),
      ...(ctx.cart?.customer_id ? { customer_id: ctx.cart.customer_id } : {}),
      email: pickEmail(order, orderId),
      currency_code: money.currencyCode,
      status: "pending",
      no_notification: true,
      shipping_address,
      billing_address,
      items,
      shipping_methods: [mapShippingMethod(order, money)],
      metadata: { ...orderMetadata(order, orderId), ...(ctx.cart ? { medusa_cart_id: ctx.cart.id } : {}) },
    },
    taxLines: {
      items: rate === null ? [] : items.map((_, line_index) => ({ line_index, ...taxLine })),
      shipping: rate === null ? [] : [{ method_index: 0, ...taxLine }],
    },
    totals: {
      currency_code: money.currencyCode,
      items: itemsSubtotal,
      discount,
      shipping: money.shipping,
      tax: money.dutiesTaxes,
      total: dec(MathBN.add(MathBN.sub(itemsSubtotal, discount), money.shipping, money.dutiesTaxes)),
    },
    shortfalls: mapped.flatMap(({ shortfall }) => (shortfall ? [shortfall] : [])),
    notes: reconciliationNotes(order, zonosItems, discount, money, orderId),
  }
}

// ---------------------------------------------------------------------------------------------
// Contact: email and addresses (rules 1, 2)
// ---------------------------------------------------------------------------------------------

function pickEmail(order: ZonosOrderDetail, orderId: string): string {
  const email = text(order.email) ?? text(order.billingEmail)
  if (email === undefined) {
    throw new ZonosMappingError(`Zonos order ${orderId} has neither email nor billingEmail: Medusa needs one`)
  }
  return email
}

/** "Maria de la Cruz Santos" -> "Maria" / "de la Cruz Santos"; "Cher" -> "Cher" / "". */
export function splitName(name: string | null | undefined): { first_name: string; last_name: string } {
  const full = (name ?? "").trim()
  const space = full.indexOf(" ")
  if (space === -1) {
    return { first_name: full, last_name: "" }
  }
  return { first_name: full.slice(0, space), last_name: full.slice(space + 1).trim() }
}

type FlatContact = {
  name?: string | null
  company?: string | null
  phone?: string | null
  altPhone?: string | null
  address1?: string | null
  address2?: string | null
  address3?: string | null
  city?: string | null
  state?: string | null
  zip?: string | null
  countryCode?: string | null
}

function toAddress(contact: FlatContact): MappedAddress {
  const address3 = text(contact.address3)
  const address2 = [text(contact.address2), address3].filter((part) => part !== undefined).join(", ")
  const metadata: Record<string, unknown> = {}
  if (address3 !== undefined) metadata.address_3 = address3
  const altPhone = text(contact.altPhone)
  if (altPhone !== undefined) metadata.alt_phone = altPhone
  return {
    ...splitName(contact.name),
    company: text(contact.company),
    phone: text(contact.phone),
    address_1: text(contact.address1),
    address_2: address2 === "" ? undefined : address2,
    city: text(contact.city),
    province: text(contact.state),
    postal_code: text(contact.zip),
    country_code: text(contact.countryCode)?.toLowerCase(),
    metadata,
  }
}

function mapAddresses(order: ZonosOrderDetail): { shipping_address: MappedAddress; billing_address: MappedAddress } {
  const shipping = toAddress(order)
  if (text(order.billingAddress1) === undefined) {
    return { shipping_address: shipping, billing_address: { ...shipping, metadata: { ...shipping.metadata } } }
  }
  const billing = toAddress({
    name: order.billingName,
    company: order.billingCompany,
    phone: order.billingPhone,
    altPhone: order.billingAltPhone,
    address1: order.billingAddress1,
    address2: order.billingAddress2,
    address3: order.billingAddress3,
    city: order.billingCity,
    state: order.billingState,
    zip: order.billingZip,
    countryCode: order.billingCountryCode,
  })
  return { shipping_address: shipping, billing_address: billing }
}

// ---------------------------------------------------------------------------------------------
// Money: which amounts, in which currency (rule 7)
// ---------------------------------------------------------------------------------------------

type ZonosItemEntry = { item: ZonosOrderItem; zonosIndex: number; quantity: number; unitPrice: Decimal }

type OrderMoney = {
  currencyCode: string
  /** Decimals of the currency's minor unit (2 for USD, 0 for JPY). */
  decimals: number
  /** USD -> order currency factor for unit prices; null: unit prices are used as they are (USD). */
  rate: Decimal | null
  shipping: Decimal
  dutiesTaxes: Decimal
  grandTotal: Decimal
  /** The discount Zonos explains (|discount items| + promoCode.amount), in the order currency. */
  explainedDiscount: Decimal
}

function readMoney(
  order: ZonosOrderDetail,
  items: ZonosItemEntry[],
  currency: "usd" | "foreign",
  orderId: string
): OrderMoney {
  return currency === "usd" ? readUsdMoney(order, items, orderId) : readForeignMoney(order, items, orderId)
}

function readUsdMoney(order: ZonosOrderDetail, items: ZonosItemEntry[], orderId: string): OrderMoney {
  if (order.grandTotal == null) {
    throw new ZonosMappingError(`Zonos order ${orderId} has no grandTotal: the plugin cannot tell what the shopper paid`)
  }
  return {
    currencyCode: "usd",
    decimals: 2,
    rate: null,
    shipping: order.shippingTotal ?? "0",
    dutiesTaxes: order.dutyTaxesTotal ?? order.quotedDutyTaxes ?? "0",
    grandTotal: order.grandTotal,
    explainedDiscount: explainedUsdDiscount(order, items),
  }
}

function readForeignMoney(order: ZonosOrderDetail, items: ZonosItemEntry[], orderId: string): OrderMoney {
  const currencyCode = orderCurrencyCode(order, "foreign")
  const decimals = currencyDecimals(currencyCode)
  const missing = (key: string) =>
    new ZonosMappingError(
      `Zonos order ${orderId} has no ${key}, so it cannot be imported in ${currencyCode.toUpperCase()}: ${USE_USD_HINT}`
    )
  if (order.itemsTotalForeign == null) throw missing("itemsTotalForeign")
  if (order.grandTotalForeign == null) throw missing("grandTotalForeign")
  const usdShipping = order.shippingTotal ?? "0"
  const usdDuties = order.dutyTaxesTotal ?? order.quotedDutyTaxes ?? "0"
  if (order.shippingTotalForeign == null && !isZero(usdShipping)) throw missing("shippingTotalForeign")
  const dutiesTaxes = order.dutyTaxesTotalForeign ?? order.quotedDutyTaxesForeign ?? "0"
  if (order.dutyTaxesTotalForeign == null && order.quotedDutyTaxesForeign == null && !isZero(usdDuties)) {
    throw missing("dutyTaxesTotalForeign")
  }

  const usdItems = order.itemsTotal ?? sum(items.map(entryAmount))
  if (isZero(usdItems)) {
    throw new ZonosMappingError(
      `Zonos order ${orderId}: its items total 0 USD, so its prices cannot be converted to ${currencyCode.toUpperCase()}: ${USE_USD_HINT}`
    )
  }
  const rate = dec(MathBN.div(order.itemsTotalForeign, usdItems))
  return {
    currencyCode,
    decimals,
    rate,
    shipping: order.shippingTotalForeign ?? "0",
    dutiesTaxes,
    grandTotal: order.grandTotalForeign,
    explainedDiscount: roundHalfUp(MathBN.mult(explainedUsdDiscount(order, items), rate), decimals),
  }
}

/** |sum of discount items| + promoCode.amount, in USD. */
function explainedUsdDiscount(order: ZonosOrderDetail, items: ZonosItemEntry[]): Decimal {
  const discountItems = sum(items.filter(isDiscountItem).map(entryAmount))
  return sum([MathBN.abs(discountItems), order.promoCode?.amount ?? "0"])
}

/** Decimals of a currency's minor unit. */
export function currencyDecimals(currencyCode: string): number {
  const code = currencyCode.toLowerCase()
  if (ZERO_DECIMAL_CURRENCIES.includes(code)) return 0
  if (THREE_DECIMAL_CURRENCIES.includes(code)) return 3
  return 2
}

// ---------------------------------------------------------------------------------------------
// Items (rule 3)
// ---------------------------------------------------------------------------------------------

/** Zonos's items with a checked quantity and unit price. */
function readItems(order: ZonosOrderDetail, orderId: string): ZonosItemEntry[] {
  return (order.items ?? []).map((item, zonosIndex) => {
    const quantity = item.quantity ?? 1
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new ZonosMappingError(
        `Zonos order ${orderId}: item ${zonosIndex + 1} has quantity ${quantity}; expected a whole number above 0`
      )
    }
    if (item.unitPrice == null) {
      throw new ZonosMappingError(`Zonos order ${orderId}: item ${zonosIndex + 1} has no unitPrice`)
    }
    return { item, zonosIndex, quantity, unitPrice: item.unitPrice }
  })
}

/** Discounts arrive as items with a negative unitPrice. */
function isDiscountItem(entry: ZonosItemEntry): boolean {
  return MathBN.lt(entry.unitPrice, 0)
}

/** quantity x unitPrice, in USD. */
function entryAmount(entry: ZonosItemEntry): Decimal {
  return dec(MathBN.mult(entry.unitPrice, entry.quantity))
}

function lineSubtotal(item: MappedItem): Decimal {
  return dec(MathBN.mult(item.unit_price, item.quantity))
}

/** USD unit price -> order currency: as is for USD; converted and rounded UP for foreign. */
function convertUnitPrice(unitPrice: Decimal, money: OrderMoney): Decimal {
  return money.rate === null ? unitPrice : roundUp(MathBN.mult(unitPrice, money.rate), money.decimals)
}

function findCatalogueMatch(
  catalogue: Record<string, CatalogueMatch>,
  item: ZonosOrderItem
): CatalogueMatch | undefined {
  for (const key of [text(item.productId), text(item.sku)]) {
    if (key !== undefined && Object.prototype.hasOwnProperty.call(catalogue, key)) {
      return catalogue[key]
    }
  }
  return undefined
}

function mapLineItem(
  entry: ZonosItemEntry,
  lineIndex: number,
  money: OrderMoney,
  catalogue: Record<string, CatalogueMatch>
): { item: MappedItem; shortfall: StockShortfall | null } {
  const { item } = entry
  const metadata: Record<string, unknown> = {
    zonos_item: { ...item },
    zonos_line_index: lineIndex,
    zonos_item_index: entry.zonosIndex,
  }
  const lineItem: MappedItem = {
    title: text(item.description) ?? text(item.sku) ?? text(item.productId) ?? "Item",
    quantity: entry.quantity,
    unit_price: convertUnitPrice(entry.unitPrice, money),
    is_tax_inclusive: false,
    is_discountable: false,
    requires_shipping: !isTrue(item.itemNonShippable),
    thumbnail: text(item.imageURL),
    adjustments: [],
    metadata,
  }

  const match = findCatalogueMatch(catalogue, item)
  if (match === undefined) {
    return { item: lineItem, shortfall: null }
  }
  if (match.in_stock) {
    lineItem.variant_id = match.variant_id
    lineItem.product_id = match.product_id
    lineItem.variant_sku = match.sku ?? undefined
    return { item: lineItem, shortfall: null }
  }
  metadata.matched_variant_id = match.variant_id
  metadata.stock_shortfall = true
  return { item: lineItem, shortfall: { line_index: lineIndex, variant_id: match.variant_id, sku: match.sku } }
}

// ---------------------------------------------------------------------------------------------
// Discount (rule 4)
// ---------------------------------------------------------------------------------------------

/** line items + shipping + duties & taxes - grand total. */
function impliedDiscount(itemsSubtotal: Decimal, money: OrderMoney, orderId: string): Decimal {
  const parts = sum([itemsSubtotal, money.shipping, money.dutiesTaxes])
  const discount = dec(MathBN.sub(parts, money.grandTotal))
  if (MathBN.lt(discount, 0)) {
    throw new ZonosMappingError(
      `Zonos order ${orderId}: its grand total (${show(money.grandTotal, money)}) is higher than its items + shipping + ` +
        `duties & taxes (${show(parts, money)}); the plugin cannot tell what the extra ${show(MathBN.abs(discount), money)} ` +
        `is for. Check the order in Zonos and create it by hand` +
        (money.rate === null ? "" : `, ${USE_USD_HINT}`)
    )
  }
  if (MathBN.gt(discount, itemsSubtotal)) {
    throw new ZonosMappingError(
      `Zonos order ${orderId}: its discount (${show(discount, money)}) is larger than its items ` +
        `(${show(itemsSubtotal, money)}); Medusa can only discount items here. Create the order by hand`
    )
  }
  return discount
}

/** RULE 10: the discount the admin panel shows, in USD and in the shopper's currency. */
export function zonosPanelDiscount(order: ZonosOrderDetail): { usd: Decimal | null; foreign: Decimal | null } {
  const implied = (
    items: BigNumberInput | null | undefined,
    shipping: BigNumberInput | null | undefined,
    duties: BigNumberInput | null | undefined,
    grandTotal: BigNumberInput | null | undefined
  ): Decimal | null => {
    if (items == null || grandTotal == null) return null
    const discount = MathBN.sub(sum([items, shipping ?? "0", duties ?? "0"]), grandTotal)
    return MathBN.gt(discount, 0) ? dec(discount) : null
  }
  return {
    usd: implied(order.itemsTotal, order.shippingTotal, order.dutyTaxesTotal ?? order.quotedDutyTaxes, order.grandTotal),
    foreign: implied(
      order.itemsTotalForeign,
      order.shippingTotalForeign,
      order.dutyTaxesTotalForeign ?? order.quotedDutyTaxesForeign,
      order.grandTotalForeign
    ),
  }
}

/**
 * Splits `discount` over lines in proportion to their subtotals: each share rounded down to the
 * minor unit, what rounding leaves goes to the largest line first (then the next largest), and no
 * line gets more than its subtotal. The shares add up to `discount` exactly.
 */
export function spreadDiscount(discount: Decimal, subtotals: Decimal[], decimals: number): Decimal[] {
  const total = sum(subtotals)
  const shares = subtotals.map((subtotal) =>
    isZero(total) ? "0" : roundDown(MathBN.div(MathBN.mult(discount, subtotal), total), decimals)
  )
  let leftover = dec(MathBN.sub(discount, sum(shares)))
  for (const index of indexesLargestFirst(subtotals)) {
    const room = MathBN.sub(subtotals[index], shares[index])
    const extra = dec(MathBN.min(room, leftover))
    shares[index] = dec(MathBN.add(shares[index], extra))
    leftover = dec(MathBN.sub(leftover, extra))
  }
  return shares
}

function indexesLargestFirst(amounts: Decimal[]): number[] {
  return amounts
    .map((_, index) => index)
    .sort((a, b) => (MathBN.gt(amounts[b], amounts[a]) ? 1 : MathBN.lt(amounts[b], amounts[a]) ? -1 : a - b))
}

/** "Zonos discount: Loyalty discount, promo code SPRING15". */
function discountDescription(discountItems: ZonosItemEntry[], order: ZonosOrderDetail): string {
  const parts = discountItems.map(({ item }) => text(item.description) ?? "discount item")
  const promo = text(order.promoCode?.code)
  if (promo !== undefined) parts.push(`promo code ${promo}`)
  return parts.length === 0 ? "Zonos discount" : `Zonos discount: ${parts.join(", ")}`
}

// ---------------------------------------------------------------------------------------------
// Shipping (rule 5) and duties & taxes (rule 6)
// ---------------------------------------------------------------------------------------------

function mapShippingMethod(order: ZonosOrderDetail, money: OrderMoney): MappedShippingMethod {
  return {
    name: text(order.customerSelectedShippingName) ?? DEFAULT_SHIPPING_NAME,
    amount: money.shipping,
    is_tax_inclusive: false,
    data: {
      carrier_service_level: text(order.shippingCarrierServiceLevel) ?? null,
      shipping_instructions: text(order.shippingInstructions) ?? null,
      customer_selected_shipping_name: text(order.customerSelectedShippingName) ?? null,
    },
  }
}

/**
 * The one rate that makes Medusa's tax before discounts (original_tax_total: sum over lines of
 * undiscounted base * rate / 100) equal the duties: duties / taxable base * 100, with 20 decimals.
 * null when there are no duties.
 */
function dutiesTaxesRate(dutiesTaxes: Decimal, taxableBase: Decimal, orderId: string): Decimal | null {
  if (isZero(dutiesTaxes)) {
    return null
  }
  if (MathBN.lt(dutiesTaxes, 0)) {
    throw new ZonosMappingError(`Zonos order ${orderId} has negative duties & taxes (${dutiesTaxes}): create it by hand`)
  }
  if (!MathBN.gt(taxableBase, 0)) {
    throw new ZonosMappingError(
      `Zonos order ${orderId} charged duties & taxes of ${dutiesTaxes}, but its items and shipping add up to 0; ` +
        `Medusa computes tax as a percentage of those, so it cannot carry them. Create the order by hand`
    )
  }
  return MathBN.div(MathBN.mult(dutiesTaxes, 100), taxableBase).toFixed(RATE_DECIMALS)
}

// ---------------------------------------------------------------------------------------------
// Order metadata (rule 8) and notes
// ---------------------------------------------------------------------------------------------

/** Everything Zonos said that the merchant may need, except nationalIdentifier and birthDate. */
function orderMetadata(order: ZonosOrderDetail, orderId: string): Record<string, unknown> {
  const payment = order.paymentProcessing
  const misc: Record<string, string> = {}
  for (const key of ["misc1", "misc2", "misc3", "misc4", "misc5", "misc6"] as const) {
    const value = text(order[key])
    if (value !== undefined) misc[key] = value
  }
  return {
    zonos_order_id: orderId,
    zonos_reference_id: text(order.referenceId) ?? null,
    zonos_status: text(order.orderStatus) ?? null,
    zonos_test_order: order.testOrder === true,
    zonos_csl_match: order.cslListMatch === true,
    zonos_amounts_usd: {
      items: order.itemsTotal ?? null,
      shipping: order.shippingTotal ?? null,
      duties_taxes: order.dutyTaxesTotal ?? order.quotedDutyTaxes ?? null,
      grand_total: order.grandTotal ?? null,
      promo: order.promoCode?.amount ?? null,
    },
    zonos_amounts_foreign: {
      currency: text(order.foreignCurrencyCode) ?? null,
      items: order.itemsTotalForeign ?? null,
      shipping: order.shippingTotalForeign ?? null,
      duties_taxes: order.dutyTaxesTotalForeign ?? order.quotedDutyTaxesForeign ?? null,
      grand_total: order.grandTotalForeign ?? null,
    },
    zonos_duties_breakdown: order.dutyTaxesBreakdown ? { ...order.dutyTaxesBreakdown } : null,
    zonos_promo_code: text(order.promoCode?.code) ?? null,
    zonos_payment: payment
      ? {
          gateway: text(payment.paymentGateway) ?? null,
          processor: text(payment.paymentProcessor) ?? null,
          card_type: text(payment.cardType) ?? null,
          last_four: text(payment.lastFour) ?? null,
          transaction_id: text(payment.transactionId) ?? null,
          transaction_type: text(payment.transactionType) ?? null,
        }
      : null,
    zonos_customer_notes: (order.notes ?? [])
      .filter((note) => note.customerNote === true)
      .flatMap((note) => text(note.note) ?? []),
    zonos_po_number: text(order.poNumber) ?? null,
    zonos_misc: misc,
    zonos_shipping_service_level: text(order.shippingCarrierServiceLevel) ?? null,
  }
}

function reconciliationNotes(
  order: ZonosOrderDetail,
  items: ZonosItemEntry[],
  discount: Decimal,
  money: OrderMoney,
  orderId: string
): string[] {
  const notes: string[] = []
  if (!MathBN.eq(discount, money.explainedDiscount)) {
    const why =
      money.rate === null
        ? "the discount lines were set from its totals"
        : `the difference comes from converting USD prices to ${money.currencyCode.toUpperCase()}; the discount lines were set from its totals`
    notes.push(
      `Zonos order ${orderId}: Zonos explains a discount of ${show(money.explainedDiscount, money)} ` +
        `(discount items + promo code), its totals imply ${show(discount, money)}; ${why}.`
    )
  }
  const itemsSum = sum(items.map(entryAmount))
  if (order.itemsTotal != null && !MathBN.eq(order.itemsTotal, itemsSum)) {
    notes.push(
      `Zonos order ${orderId}: itemsTotal is ${order.itemsTotal} USD but its items add up to ${itemsSum} USD.`
    )
  }
  return notes
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** "999-12345", whatever form Zonos wrote the id in. */
function zonosOrderLabel(order: ZonosOrderDetail, storeId: string): string {
  const number = parseZonosOrderId(order.orderId)
  return number === null ? String(order.orderId) : formatZonosOrderId(storeId, number)
}

/** Trimmed text, or undefined when missing or blank. */
function text(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined
  const trimmed = String(value).trim()
  return trimmed === "" ? undefined : trimmed
}

function isTrue(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === "string" && ["true", "1"].includes(value.trim().toLowerCase()))
}

/** Exact decimal string of a number, string or MathBN result (never exponent notation). */
function dec(value: BigNumberInput): Decimal {
  return MathBN.convert(value).toFixed()
}

function sum(values: BigNumberInput[]): Decimal {
  return dec(MathBN.add(0, ...values))
}

function isZero(value: BigNumberInput): boolean {
  return MathBN.eq(value, 0)
}

function roundDown(value: BigNumberInput, decimals: number): Decimal {
  return MathBN.convert(value).decimalPlaces(decimals, ROUND_FLOOR).toFixed()
}

function roundUp(value: BigNumberInput, decimals: number): Decimal {
  return MathBN.convert(value).decimalPlaces(decimals, ROUND_CEIL).toFixed()
}

function roundHalfUp(value: BigNumberInput, decimals: number): Decimal {
  return MathBN.convert(value, decimals).toFixed()
}

/** An amount for a message: "12.30 USD". */
function show(value: BigNumberInput, money: OrderMoney): string {
  return `${MathBN.convert(value).toFixed(money.decimals)} ${money.currencyCode.toUpperCase()}`
}
