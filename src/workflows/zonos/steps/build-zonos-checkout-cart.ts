import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import type { ZonosTempCart } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { buildZonosTempCart, CheckoutCartError } from "../mapping/build-zonos-temp-cart"

export type BuildZonosCheckoutCartInput = {
  cart_id: string
  /** Origin the route was called on: the success URL's base when the backendUrl option is not set. */
  request_origin: string
}

export type BuiltZonosCheckoutCart = {
  temp_cart: ZonosTempCart
  country_code: string | null
}

const PHYSICAL = ["weight", "length", "width", "height", "hs_code", "origin_country", "material"]

/**
 * Reads the cart and turns it into a createTempCart body. Whatever Zonos could not take
 * (unknown or empty cart, currency, unpriced line) is refused here, before any Zonos call.
 */
export const buildZonosCheckoutCartStep = createStep(
  "build-zonos-checkout-cart",
  async (input: BuildZonosCheckoutCartInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const settings = container.resolve<ZonosModuleService>(ZONOS_MODULE).getSettings()
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "currency_code",
        "completed_at",
        "customer_id",
        "shipping_address.country_code",
        "items.id",
        "items.title",
        "items.product_title",
        "items.variant_title",
        "items.product_handle",
        "items.variant_id",
        "items.variant_sku",
        "items.quantity",
        "items.unit_price",
        "items.thumbnail",
        "items.requires_shipping",
        "items.adjustments.code",
        "items.adjustments.amount",
        ...PHYSICAL.map((field) => `items.variant.${field}`),
        ...PHYSICAL.map((field) => `items.variant.product.${field}`),
      ],
      filters: { id: input.cart_id },
    })
    const cart = carts[0]
    try {
      const temp_cart = buildZonosTempCart(cart, {
        currencies: settings.checkoutCurrencies,
        successUrl: new URL("/zonos/success", settings.backendUrl ?? input.request_origin).toString(),
        continueShoppingUrl: settings.continueShoppingUrl,
        productUrlTemplate: settings.productUrlTemplate,
        weightUnits: settings.weightUnits,
        dimensionUnits: settings.dimensionUnits,
      })
      return new StepResponse<BuiltZonosCheckoutCart>({
        temp_cart,
        country_code: cart?.shipping_address?.country_code ?? null,
      })
    } catch (error) {
      if (error instanceof CheckoutCartError) {
        throw new MedusaError(
          error.kind === "not_found" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.INVALID_DATA,
          error.message
        )
      }
      throw error
    }
  }
)
