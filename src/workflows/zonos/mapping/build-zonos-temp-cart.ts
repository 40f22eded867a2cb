/**
 * Medusa cart -> createTempCart body. PURE: no I/O, no container, no clock.
 *
 * RULES
 *  1. referenceId = the cart id: the import finds the cart again by it (orderDetail echoes it).
 *  2. externalConfirmationPageURL = the plugin's success route; Zonos appends `?orderId=`.
 *  3. One Zonos item per cart line: productId = variant id (the import matches on it), sku,
 *     description = product title + variant title, quantity, unitPrice = the line's unit price
 *     BEFORE discounts as a decimal string with two places (never a float), imageURL = thumbnail,
 *     itemURL from the productUrlTemplate, and where the variant (else its product) has them:
 *     weight + weightUnits, length/width/height + dimensionUnits, itemHSCode, countryOfOrigin
 *     (upper case), itemMaterial; nonShippable when the line requires no shipping.
 *  4. Discounts (the lines' adjustments) become one item per promotion code with a NEGATIVE
 *     unitPrice and no productId, as Zonos expects them: Zonos charges the items' sum.
 *  5. Refused before any Zonos call (CheckoutCartError): an unknown or completed cart, an empty
 *     cart, a currency the Zonos store does not price in, a line without a price or a quantity,
 *     a custom line (no variant: the import could not match it back).
 *  6. misc1 = the Medusa customer id (as the WooCommerce extension sends its user id),
 *     misc6 = who built the cart ("medusa-plugin-zonos"), as the Magento modules do.
 */
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { ZonosTempCart, ZonosTempCartItem } from "../../../modules/zonos/client"

/** Why a cart cannot go to Zonos; `kind` picks the HTTP answer. */
export class CheckoutCartError extends Error {
  constructor(readonly kind: "not_found" | "invalid", message: string) {
    super(message)
    this.name = "CheckoutCartError"
  }
}

/** What the builder reads of a physical property: variant first, then its product. */
export type CheckoutPhysical = {
  weight?: number | string | null
  length?: number | string | null
  width?: number | string | null
  height?: number | string | null
  hs_code?: string | null
  origin_country?: string | null
  material?: string | null
}

export type CheckoutCartLine = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  product_handle?: string | null
  variant_id?: string | null
  variant_sku?: string | null
  quantity?: BigNumberInput | null
  unit_price?: BigNumberInput | null
  thumbnail?: string | null
  requires_shipping?: boolean | null
  adjustments?: ({ code?: string | null; amount?: BigNumberInput | null } | null)[] | null
  variant?: (CheckoutPhysical & { product?: CheckoutPhysical | null }) | null
}

export type CheckoutCart = {
  id: string
  currency_code: string
  completed_at?: string | Date | null
  customer_id?: string | null
  shipping_address?: { country_code?: string | null } | null
  items?: (CheckoutCartLine | null)[] | null
}

export type CheckoutSettings = {
  /** Lower-case ISO codes the Zonos store prices in. */
  currencies: string[]
  successUrl: string
  continueShoppingUrl?: string
  /** e.g. "https://shop.example/products/{handle}" */
  productUrlTemplate?: string
  weightUnits: string
  dimensionUnits: string
}

export const TEMP_CART_ORIGIN = "medusa-plugin-zonos"
const DEFAULT_DISCOUNT_CODE = "DISCOUNT"

/** Zonos prices have two decimals (its docs: "positive float, two decimals"). */
const money = (value: BigNumberInput) => MathBN.convert(value).toFixed(2)

export function buildZonosTempCart(cart: CheckoutCart | undefined, settings: CheckoutSettings): ZonosTempCart {
  if (!cart) throw new CheckoutCartError("not_found", "Cart not found")
  if (cart.completed_at) throw new CheckoutCartError("invalid", `Cart ${cart.id} is already completed`)
  const currency = String(cart.currency_code ?? "").toLowerCase()
  if (!settings.currencies.includes(currency)) {
    throw new CheckoutCartError(
      "invalid",
      `Zonos Checkout is not set up for ${currency.toUpperCase() || "carts without a currency"} (it takes ${settings.currencies
        .map((code) => code.toUpperCase())
        .join(", ")})`
    )
  }
  const lines = (cart.items ?? []).filter((line): line is CheckoutCartLine => !!line)
  if (!lines.length) throw new CheckoutCartError("invalid", `Cart ${cart.id} is empty`)

  const items: ZonosTempCartItem[] = []
  const discounts = new Map<string, ReturnType<typeof MathBN.convert>>()
  for (const line of lines) {
    const name = lineName(line)
    if (line.unit_price === null || line.unit_price === undefined) {
      throw new CheckoutCartError("invalid", `"${name}" has no price in ${currency.toUpperCase()}`)
    }
    const quantity = Number(MathBN.convert(line.quantity ?? 0).toString())
    if (!Number.isInteger(quantity) || quantity <= 0) {
      throw new CheckoutCartError("invalid", `"${name}" has no whole quantity`)
    }
    if (!line.variant_id) {
      throw new CheckoutCartError("invalid", `"${name}" is not a catalogue item: Zonos Checkout takes catalogue items only`)
    }
    items.push(buildItem(line, name, quantity, settings))
    for (const adjustment of line.adjustments ?? []) {
      if (!adjustment?.amount) continue
      const code = adjustment.code || DEFAULT_DISCOUNT_CODE
      discounts.set(code, MathBN.add(discounts.get(code) ?? 0, adjustment.amount))
    }
  }
  for (const [code, amount] of discounts) {
    if (MathBN.lte(amount, 0)) continue
    items.push({ description: `Discount ${code}`, sku: code, quantity: 1, unitPrice: money(MathBN.mult(amount, -1)) })
  }

  const body: ZonosTempCart = {
    referenceId: cart.id,
    externalConfirmationPageURL: settings.successUrl,
    items,
    misc6: TEMP_CART_ORIGIN,
  }
  if (settings.continueShoppingUrl) body.contShoppingURL = settings.continueShoppingUrl
  if (cart.customer_id) body.misc1 = cart.customer_id
  return body
}

/** The hosted checkout page for a temp cart: `?store=&tempCartUUID=&country=` as the integrations build it. */
export function buildZonosCheckoutUrl(checkoutUrl: string, storeId: string, tempCartUUID: string, countryCode?: string | null) {
  const url = new URL(checkoutUrl)
  url.searchParams.set("store", storeId)
  url.searchParams.set("tempCartUUID", tempCartUUID)
  if (countryCode) url.searchParams.set("country", countryCode.toUpperCase())
  return url.toString()
}

function lineName(line: CheckoutCartLine): string {
  const product = line.product_title ?? line.title ?? "Item"
  const variant = line.variant_title
  return variant && variant !== product && variant !== "Default variant" ? `${product} - ${variant}` : product
}

function buildItem(line: CheckoutCartLine, description: string, quantity: number, settings: CheckoutSettings): ZonosTempCartItem {
  const item: ZonosTempCartItem = {
    productId: line.variant_id ?? undefined,
    description,
    quantity,
    unitPrice: money(line.unit_price ?? 0),
  }
  if (line.variant_sku) item.sku = line.variant_sku
  if (line.thumbnail) item.imageURL = line.thumbnail
  if (settings.productUrlTemplate && line.product_handle) {
    item.itemURL = settings.productUrlTemplate.replace("{handle}", encodeURIComponent(line.product_handle))
  }
  const variant = line.variant ?? {}
  const product = line.variant?.product ?? {}
  const pick = <K extends keyof CheckoutPhysical>(key: K) => present(variant[key]) ?? present(product[key])

  const weight = pick("weight")
  if (weight !== undefined) {
    item.weight = MathBN.convert(weight).toString()
    item.weightUnits = settings.weightUnits
  }
  const [length, width, height] = [pick("length"), pick("width"), pick("height")]
  if (length !== undefined) item.length = MathBN.convert(length).toString()
  if (width !== undefined) item.width = MathBN.convert(width).toString()
  if (height !== undefined) item.height = MathBN.convert(height).toString()
  if (item.length || item.width || item.height) item.dimensionUnits = settings.dimensionUnits
  const hsCode = pick("hs_code")
  if (hsCode !== undefined) item.itemHSCode = String(hsCode)
  const origin = pick("origin_country")
  if (origin !== undefined) item.countryOfOrigin = String(origin).toUpperCase()
  const material = pick("material")
  if (material !== undefined) item.itemMaterial = String(material)
  if (line.requires_shipping === false) item.nonShippable = true
  return item
}

/** A value worth sending: not null, not undefined, not an empty string. */
function present<T>(value: T): NonNullable<T> | undefined {
  return value === null || value === undefined || value === "" ? undefined : value
}
