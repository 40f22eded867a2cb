import { z } from "@medusajs/framework/zod"
import { zonosOptionalAmount } from "./amount"
import { parseZonosOrderId } from "./order-id"

/**
 * Response schemas. Permissive on purpose: Zonos says "response keys may be modified and/or
 * additional keys may be added", so every object is loose (unknown keys are kept as they came),
 * only what the plugin needs is required, and `null`/missing is accepted wherever a field is
 * optional. Known fields are coerced to one type each:
 *  - text fields: string, or a number turned into a string (a numeric zip, phone or misc value);
 *  - booleans: true/false, "true"/"false" (any case), 1/0, "1"/"0"; "" -> null;
 *  - amounts: canonical decimal strings (see amount.ts); "" -> null;
 *  - quantities: numbers (numeric strings accepted);
 *  - timestamps in ms (orderDate, orderStatusDate, ...): numbers (digit strings accepted; another
 *    date string is parsed with Date.parse, and an unparseable one becomes null rather than
 *    failing the whole order, since the `...String` twin of the field is kept as text).
 */

/** Optional text. */
export const zonosText = z
  .union([z.string(), z.number()], { error: "expected a string" })
  .transform((value) => String(value))
  .nullish()

/** Optional boolean (Zonos and its older APIs write booleans several ways). */
export const zonosBoolean = z
  .union([z.boolean(), z.string(), z.number()], { error: "expected a boolean" })
  .transform((value, ctx): boolean | null => {
    if (typeof value === "boolean") {
      return value
    }
    const text = String(value).trim().toLowerCase()
    if (text === "") return null
    if (text === "true" || text === "1") return true
    if (text === "false" || text === "0") return false
    ctx.addIssue({ code: "custom", message: 'expected a boolean (true/false or "true"/"false")' })
    return z.NEVER
  })
  .nullish()

/** Optional count or quantity. */
export const zonosNumber = z
  .union([z.number(), z.string()], { error: "expected a number" })
  .transform((value, ctx): number | null => {
    if (typeof value === "number") {
      return value
    }
    const text = value.trim()
    if (text === "") return null
    if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) {
      return Number(text)
    }
    ctx.addIssue({ code: "custom", message: "expected a number" })
    return z.NEVER
  })
  .nullish()

/** Optional timestamp in milliseconds since the epoch. */
export const zonosTimestamp = z
  .union([z.number(), z.string()], { error: "expected a timestamp" })
  .transform((value): number | null => {
    if (typeof value === "number") {
      return value
    }
    const text = value.trim()
    if (text === "") return null
    if (/^\d{1,16}$/.test(text)) return Number(text)
    const parsed = Date.parse(text)
    return Number.isNaN(parsed) ? null : parsed
  })
  .nullish()

/** A required Zonos order id (`"999-12345"`, `"12345"` or `12345`), output as the trimmed string. */
export const zonosOrderIdField = z
  .union([z.string(), z.number()], { error: "expected an order id" })
  .transform((value, ctx) => {
    if (parseZonosOrderId(value) === null) {
      ctx.addIssue({ code: "custom", message: 'expected an order id such as "999-12345"' })
      return z.NEVER
    }
    return String(value).trim()
  })

export const zonosOrderItemSchema = z.looseObject({
  productId: zonosText,
  sku: zonosText,
  description: zonosText,
  itemCustomization: zonosText,
  quantity: zonosNumber,
  /** Negative for discount lines (which have no productId). */
  unitPrice: zonosOptionalAmount,
})

export const zonosPromoCodeSchema = z
  .looseObject({
    code: zonosText,
    amount: zonosOptionalAmount,
  })
  .nullish()

export const zonosDutyTaxesBreakdownSchema = z
  .looseObject({
    duty: zonosOptionalAmount,
    vatTax: zonosOptionalAmount,
    brokerageFee: zonosOptionalAmount,
    dispursementFee: zonosOptionalAmount,
    vatOnDispursementFee: zonosOptionalAmount,
    prepaymentFee: zonosOptionalAmount,
  })
  .nullish()

export const zonosPaymentProcessingSchema = z
  .looseObject({
    paymentGateway: zonosText,
    paymentProcessor: zonosText,
    cardType: zonosText,
    lastFour: zonosText,
    transactionId: zonosText,
    /** AUTH_CAPTURE | AUTH_ONLY (any string accepted). */
    transactionType: zonosText,
    captureDate: zonosTimestamp,
    captureDateString: zonosText,
  })
  .nullish()

export const zonosNoteSchema = z.looseObject({
  note: zonosText,
  customerNote: zonosBoolean,
  flagged: zonosBoolean,
  createdByUser: zonosText,
  dateCreated: zonosTimestamp,
  dateCreatedString: zonosText,
})

export const zonosOrderDetailSchema = z.looseObject({
  // identity and state
  orderId: zonosOrderIdField,
  referenceId: zonosText,
  merchantOrderId: zonosText,
  /** Any string: Zonos may add statuses (see statuses.ts for the known ones). */
  orderStatus: zonosText,
  orderStatusDate: zonosTimestamp,
  orderStatusDateString: zonosText,
  orderDate: zonosTimestamp,
  orderDateString: zonosText,
  testOrder: zonosBoolean,
  /** The buyer matched the US Consolidated Screening List: review before shipping. */
  cslListMatch: zonosBoolean,
  optInEmail: zonosBoolean,
  trackingNumber: zonosText,
  poNumber: zonosText,
  nationalIdentifier: zonosText,
  birthDate: zonosText,
  boxCount: zonosText,
  misc1: zonosText,
  misc2: zonosText,
  misc3: zonosText,
  misc4: zonosText,
  misc5: zonosText,
  misc6: zonosText,

  // shipping contact
  name: zonosText,
  company: zonosText,
  email: zonosText,
  phone: zonosText,
  altPhone: zonosText,
  address1: zonosText,
  address2: zonosText,
  address3: zonosText,
  city: zonosText,
  state: zonosText,
  zip: zonosText,
  countryCode: zonosText,
  countryName: zonosText,

  // billing contact (empty billingAddress1 means "same as shipping")
  billingName: zonosText,
  billingCompany: zonosText,
  billingEmail: zonosText,
  billingPhone: zonosText,
  billingAltPhone: zonosText,
  billingAddress1: zonosText,
  billingAddress2: zonosText,
  billingAddress3: zonosText,
  billingCity: zonosText,
  billingState: zonosText,
  billingZip: zonosText,
  billingCountryCode: zonosText,
  billingCountryName: zonosText,

  // money (canonical decimal strings)
  itemsTotal: zonosOptionalAmount,
  shippingTotal: zonosOptionalAmount,
  dutyTaxesTotal: zonosOptionalAmount,
  grandTotal: zonosOptionalAmount,
  itemsTotalForeign: zonosOptionalAmount,
  shippingTotalForeign: zonosOptionalAmount,
  dutyTaxesTotalForeign: zonosOptionalAmount,
  grandTotalForeign: zonosOptionalAmount,
  quotedDutyTaxes: zonosOptionalAmount,
  quotedDutyTaxesForeign: zonosOptionalAmount,
  remittance_amount: zonosOptionalAmount,
  foreignCurrencyCode: zonosText,
  dutyTaxesBreakdown: zonosDutyTaxesBreakdownSchema,
  promoCode: zonosPromoCodeSchema,

  // shipping
  customerSelectedShippingName: zonosText,
  shippingCarrierServiceLevel: zonosText,
  shippingInstructions: zonosText,

  items: z.array(zonosOrderItemSchema).nullish(),
  paymentProcessing: zonosPaymentProcessingSchema,
  notes: z.array(zonosNoteSchema).nullish(),
})

/** POST /v2/orderDetail answer. */
export const zonosOrderDetailResponseSchema = z.looseObject({
  order: zonosOrderDetailSchema,
})

/**
 * One entry of POST /v1/orderNumbers. Only `id` is required. The status and status date keys are
 * undocumented: `status` is read from `orderStatus` or `status`, `statusDate` from
 * `orderStatusDate` or `statusDate` (kept as text: its format is unknown). The original keys stay.
 */
export const zonosOrderNumberSchema = z
  .looseObject({
    id: zonosOrderIdField,
    testOrder: zonosBoolean,
    orderStatus: zonosText,
    status: zonosText,
    orderStatusDate: zonosText,
    statusDate: zonosText,
  })
  .transform(
    (entry): typeof entry & { status: string | null; statusDate: string | null } => ({
      ...entry,
      status: entry.orderStatus ?? entry.status ?? null,
      statusDate: entry.orderStatusDate ?? entry.statusDate ?? null,
    })
  )

/**
 * POST /v1/orderNumbers answer. A missing or null `orders` key is read as "no orders" (the PHP
 * integrations check for the key before iterating, so Zonos may leave it out when empty).
 */
export const zonosOrderNumbersResponseSchema = z.looseObject({
  orders: z
    .array(zonosOrderNumberSchema)
    .nullish()
    .transform((orders) => orders ?? []),
})

/** Answer of the write-back endpoints: `{"success": "..."}`; only "a JSON object" is required. */
export const zonosWriteResponseSchema = z.looseObject({
  success: z.unknown().optional(),
})

/** createTempCart answers `{tempCartUUID}`: the one key the hosted checkout needs. */
export const zonosTempCartResponseSchema = z.looseObject({
  tempCartUUID: z.string().trim().min(1),
})

export type ZonosOrderDetail = z.infer<typeof zonosOrderDetailSchema>
export type ZonosOrderDetailResponse = z.infer<typeof zonosOrderDetailResponseSchema>
export type ZonosOrderItem = z.infer<typeof zonosOrderItemSchema>
export type ZonosOrderNote = z.infer<typeof zonosNoteSchema>
export type ZonosPromoCode = NonNullable<z.infer<typeof zonosPromoCodeSchema>>
export type ZonosDutyTaxesBreakdown = NonNullable<z.infer<typeof zonosDutyTaxesBreakdownSchema>>
export type ZonosPaymentProcessing = NonNullable<z.infer<typeof zonosPaymentProcessingSchema>>
export type ZonosOrderNumber = z.infer<typeof zonosOrderNumberSchema>
export type ZonosOrderNumbersResponse = z.infer<typeof zonosOrderNumbersResponseSchema>
export type ZonosWriteResponse = z.infer<typeof zonosWriteResponseSchema>
