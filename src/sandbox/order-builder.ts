import { countryNameFor } from "./countries"
import { formatDateString, toEpochMs } from "./dates"
import { cloneJson, isJsonObject, JsonObject } from "./json"
import {
  AmountFormat,
  convertUsdCents,
  COUNTRY_CURRENCIES,
  currencyInfo,
  formatAmount,
  SANDBOX_FX_RATES,
  toCents,
} from "./money"
import { formatOrderId } from "./order-id"
import { IGLOBAL_ORDER_IN_PROCESS } from "./order-statuses"
import { referenceIdFor, transactionIdFor } from "./reference-ids"

/** An order as the sandbox stores and answers it: the `order` object of orderDetail. */
export type ZonosOrder = Record<string, unknown>

export const DUTY_TAXES_BREAKDOWN_KEYS = [
  "duty",
  "vatTax",
  "brokerageFee",
  "dispursementFee",
  "vatOnDispursementFee",
  "prepaymentFee",
] as const

export interface OrderBuildContext {
  storeId: string
  orderNumber: number
  /** Default order date. */
  now: Date
  /**
   * Forces how amounts are written (items' unitPrice included). Without it, amounts follow
   * the type of the first item's unitPrice: a string there makes every amount a string.
   */
  amountFormat?: AmountFormat
}

/** Thrown when fields given to addOrder cannot make an order (bad amounts, bad items). */
export class OrderFieldsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "OrderFieldsError"
  }
}

const MINUTE_MS = 60 * 1000

/** The order addOrder() makes when given no fields: a plain UK order, ready to fulfil. */
function defaultOrderFields(ctx: OrderBuildContext): JsonObject {
  const orderDate = ctx.now.getTime()
  return {
    orderId: formatOrderId(ctx.storeId, ctx.orderNumber),
    referenceId: referenceIdFor(ctx.storeId, ctx.orderNumber),
    merchantOrderId: null,
    orderStatus: IGLOBAL_ORDER_IN_PROCESS,
    orderStatusDate: orderDate,
    orderStatusDateString: formatDateString(orderDate),
    orderDate,
    orderDateString: formatDateString(orderDate),
    testOrder: false,
    cslListMatch: false,
    optInEmail: false,
    name: "Amelia Clarke",
    company: "",
    email: "amelia.clarke@example.co.uk",
    phone: "+44 117 496 0123",
    altPhone: "",
    address1: "14 Queens Road",
    address2: "",
    address3: "",
    city: "Bristol",
    state: "Bristol",
    zip: "BS8 1QU",
    countryCode: "GB",
    countryName: "United Kingdom",
    billingName: "",
    billingCompany: "",
    billingEmail: "",
    billingPhone: "",
    billingAltPhone: "",
    billingAddress1: "",
    billingAddress2: "",
    billingAddress3: "",
    billingCity: "",
    billingState: "",
    billingZip: "",
    billingCountryCode: "",
    billingCountryName: "",
    items: [
      {
        productId: "prod_01TEEORGANIC",
        sku: "TEE-ORG-M",
        description: "Organic Cotton Tee - Size: M",
        quantity: 1,
        unitPrice: 32,
        itemCustomization: "variant_01TEEORGANICM",
        itemBrand: "Northwind Apparel",
        itemCategory: "T-Shirts",
        itemHSCode: "6109.10",
        countryOfOrigin: "US",
        weight: 0.4,
        weightUnits: "LB",
        imageURL: "https://shop.example.com/images/tee-organic.jpg",
        itemURL: "https://shop.example.com/products/tee-organic",
      },
    ],
    itemsTotal: null,
    shippingTotal: 19.95,
    dutyTaxesTotal: null,
    grandTotal: null,
    itemsTotalForeign: null,
    shippingTotalForeign: null,
    dutyTaxesTotalForeign: null,
    grandTotalForeign: null,
    quotedDutyTaxes: null,
    quotedDutyTaxesForeign: null,
    foreignCurrencyCode: null,
    dutyTaxesBreakdown: {
      duty: 0,
      vatTax: 10.39,
      brokerageFee: 0,
      dispursementFee: 0,
      vatOnDispursementFee: 0,
      prepaymentFee: 0,
    },
    promoCode: null,
    customerSelectedShippingName: "UPS Worldwide Expedited",
    shippingCarrierServiceLevel: "UPS_WORLDWIDE_EXPEDITED",
    shippingInstructions: "",
    paymentProcessing: {
      paymentGateway: "STRIPE",
      paymentProcessor: "STRIPE",
      cardType: "VISA",
      lastFour: "4242",
      transactionId: transactionIdFor(ctx.storeId, ctx.orderNumber),
      transactionType: "AUTH_CAPTURE",
      captureDate: null,
      captureDateString: null,
    },
    notes: [],
    poNumber: null,
    misc1: null,
    misc2: null,
    misc3: null,
    misc4: null,
    misc5: null,
    misc6: null,
    nationalIdentifier: null,
    birthDate: null,
    boxCount: null,
  }
}

function amountOf(value: unknown, what: string): number {
  const cents = toCents(value)
  if (cents === undefined) throw new OrderFieldsError(`${what} is not an amount: ${JSON.stringify(value)}`)
  return cents
}

/** Cents of an amount the caller gave explicitly, or undefined when the caller left it out. */
function explicitAmount(fields: JsonObject, key: string): number | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  return amountOf(value, key)
}

function quantityOf(value: unknown, index: number): number {
  const quantity = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof quantity !== "number" || !Number.isSafeInteger(quantity)) {
    throw new OrderFieldsError(`items[${index}].quantity is not a whole number: ${JSON.stringify(value)}`)
  }
  return quantity
}

interface ItemsResult {
  items: JsonObject[]
  itemsCents: number
}

function readItems(value: unknown, format: AmountFormat | undefined): ItemsResult {
  if (!Array.isArray(value)) throw new OrderFieldsError("items must be an array")
  let itemsCents = 0
  const items = value.map((raw: unknown, index: number) => {
    if (!isJsonObject(raw)) throw new OrderFieldsError(`items[${index}] must be an object`)
    const unitCents = amountOf(raw.unitPrice, `items[${index}].unitPrice`)
    itemsCents += quantityOf(raw.quantity, index) * unitCents
    const item = cloneJson(raw)
    if (format) item.unitPrice = formatAmount(unitCents, format)
    return item
  })
  return { items, itemsCents }
}

type Breakdown = Record<(typeof DUTY_TAXES_BREAKDOWN_KEYS)[number], number>

function readBreakdown(fields: JsonObject, defaults: JsonObject): Breakdown {
  const given = fields.dutyTaxesBreakdown
  const explicitTotal = explicitAmount(fields, "dutyTaxesTotal")
  if (!isJsonObject(given) && explicitTotal !== undefined) {
    // Only a total was given: book it all as duty so the breakdown still adds up.
    return { duty: explicitTotal, vatTax: 0, brokerageFee: 0, dispursementFee: 0, vatOnDispursementFee: 0, prepaymentFee: 0 }
  }
  const source = isJsonObject(given) ? given : isJsonObject(defaults.dutyTaxesBreakdown) ? defaults.dutyTaxesBreakdown : {}
  const breakdown: Breakdown = { duty: 0, vatTax: 0, brokerageFee: 0, dispursementFee: 0, vatOnDispursementFee: 0, prepaymentFee: 0 }
  for (const key of DUTY_TAXES_BREAKDOWN_KEYS) {
    const value = source[key]
    breakdown[key] = value === undefined || value === null ? 0 : amountOf(value, `dutyTaxesBreakdown.${key}`)
  }
  return breakdown
}

function sumBreakdown(breakdown: Breakdown, convert: (cents: number) => number): number {
  let total = 0
  for (const key of DUTY_TAXES_BREAKDOWN_KEYS) total += convert(breakdown[key])
  return total
}

function pickCurrency(order: JsonObject): string {
  const given = order.foreignCurrencyCode
  if (typeof given === "string" && given !== "") return given
  const country = typeof order.countryCode === "string" ? order.countryCode : ""
  return COUNTRY_CURRENCIES[country] ?? "USD"
}

/**
 * Completes `fields` into a full order. Every total the caller did not give is computed
 * in integer cents from its parts, so the money rule holds:
 *   itemsTotal     = sum(quantity x unitPrice) over all items (discount items included)
 *   dutyTaxesTotal = sum(dutyTaxesBreakdown)
 *   grandTotal     = itemsTotal + shippingTotal + dutyTaxesTotal - promoCode.amount
 * and the same for the `...Foreign` amounts, each part converted and rounded first.
 */
export function completeOrder(fields: JsonObject, ctx: OrderBuildContext): ZonosOrder {
  const defaults = defaultOrderFields(ctx)
  const order: JsonObject = { ...defaults, ...cloneJson(fields) }
  order.orderId = formatOrderId(ctx.storeId, ctx.orderNumber)
  if (typeof fields.countryCode === "string" && fields.countryName === undefined) {
    order.countryName = countryNameFor(fields.countryCode)
  }
  if (typeof order.billingCountryCode === "string" && order.billingCountryCode !== "" && !order.billingCountryName) {
    order.billingCountryName = countryNameFor(order.billingCountryCode)
  }

  // Dates
  const orderDate = toEpochMs(fields.orderDate) ?? ctx.now.getTime()
  const statusDate = toEpochMs(fields.orderStatusDate) ?? orderDate
  order.orderDate = orderDate
  order.orderDateString = formatDateString(orderDate)
  order.orderStatusDate = statusDate
  order.orderStatusDateString = formatDateString(statusDate)

  // Payment (fields given are merged over the defaults)
  const payment: JsonObject = {
    ...(isJsonObject(defaults.paymentProcessing) ? defaults.paymentProcessing : {}),
    ...(isJsonObject(fields.paymentProcessing) ? fields.paymentProcessing : {}),
  }
  if (payment.captureDate === null || payment.captureDate === undefined) payment.captureDate = orderDate + 2 * MINUTE_MS
  const captureDate = toEpochMs(payment.captureDate)
  if (captureDate !== undefined && (payment.captureDateString === null || payment.captureDateString === undefined)) {
    payment.captureDateString = formatDateString(captureDate)
  }
  order.paymentProcessing = payment

  // Money
  const firstItem = Array.isArray(order.items) ? order.items[0] : undefined
  const inferredFormat: AmountFormat =
    isJsonObject(firstItem) && typeof firstItem.unitPrice === "string" ? "string" : "number"
  const format = ctx.amountFormat ?? inferredFormat
  const { items, itemsCents: computedItems } = readItems(order.items, ctx.amountFormat)
  order.items = items

  const currency = pickCurrency(order)
  if (!SANDBOX_FX_RATES[currency]) {
    throw new OrderFieldsError(
      `foreignCurrencyCode ${currency} has no sandbox rate (known: ${Object.keys(SANDBOX_FX_RATES).join(", ")})`,
    )
  }
  const foreignDecimals = currencyInfo(currency).minorUnits
  const toForeign = (cents: number): number => convertUsdCents(cents, currency)

  const itemsCents = explicitAmount(fields, "itemsTotal") ?? computedItems
  const shippingCents = amountOf(order.shippingTotal, "shippingTotal")
  const breakdown = readBreakdown(fields, defaults)
  const dutyCents = explicitAmount(fields, "dutyTaxesTotal") ?? sumBreakdown(breakdown, (c) => c)

  let promoCents = 0
  if (isJsonObject(order.promoCode)) {
    promoCents = amountOf(order.promoCode.amount, "promoCode.amount")
    order.promoCode = { ...order.promoCode, amount: formatAmount(promoCents, format) }
  } else {
    delete order.promoCode
  }
  const grandCents = explicitAmount(fields, "grandTotal") ?? itemsCents + shippingCents + dutyCents - promoCents

  const itemsForeign = explicitAmount(fields, "itemsTotalForeign") ?? toForeign(itemsCents)
  const shippingForeign = explicitAmount(fields, "shippingTotalForeign") ?? toForeign(shippingCents)
  const dutyForeign = explicitAmount(fields, "dutyTaxesTotalForeign") ?? sumBreakdown(breakdown, toForeign)
  const grandForeign =
    explicitAmount(fields, "grandTotalForeign") ?? itemsForeign + shippingForeign + dutyForeign - toForeign(promoCents)

  const usd = (cents: number): number | string => formatAmount(cents, format)
  const foreign = (cents: number): number | string => formatAmount(cents, format, foreignDecimals)
  order.itemsTotal = usd(itemsCents)
  order.shippingTotal = usd(shippingCents)
  order.dutyTaxesTotal = usd(dutyCents)
  order.grandTotal = usd(grandCents)
  order.itemsTotalForeign = foreign(itemsForeign)
  order.shippingTotalForeign = foreign(shippingForeign)
  order.dutyTaxesTotalForeign = foreign(dutyForeign)
  order.grandTotalForeign = foreign(grandForeign)
  order.quotedDutyTaxes = usd(dutyCents)
  order.quotedDutyTaxesForeign = foreign(dutyForeign)
  order.foreignCurrencyCode = currency
  const writtenBreakdown: JsonObject = {}
  for (const key of DUTY_TAXES_BREAKDOWN_KEYS) writtenBreakdown[key] = usd(breakdown[key])
  order.dutyTaxesBreakdown = writtenBreakdown

  return order
}
