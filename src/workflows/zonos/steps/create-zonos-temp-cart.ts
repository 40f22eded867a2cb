import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { isZonosError, ZonosTempCart } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { buildZonosCheckoutUrl } from "../mapping/build-zonos-temp-cart"
import { ZonosCheckoutAnswer } from "../plans/zonos-checkout-answer"

/**
 * Sends the cart to Zonos (createTempCart) and answers the hosted checkout page for it, or why
 * Zonos could not take it (as data, not a throw: the route turns it into a clear 4xx, never the
 * 500 a thrown workflow error becomes). Nothing to undo: a temp cart nobody opens expires at Zonos.
 */
export const createZonosTempCartStep = createStep(
  "create-zonos-temp-cart",
  async (input: { temp_cart: ZonosTempCart; country_code: string | null }, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const settings = zonos.getSettings()
    try {
      const { tempCartUUID } = await zonos.client.createTempCart(input.temp_cart)
      return new StepResponse<ZonosCheckoutAnswer>({
        status: "started",
        temp_cart_uuid: tempCartUUID,
        checkout_url: buildZonosCheckoutUrl(settings.checkoutUrl, settings.storeId, tempCartUUID, input.country_code),
      })
    } catch (error) {
      if (!isZonosError(error)) throw error
      // The client's messages never carry the secret, so they are safe to pass on.
      return new StepResponse<ZonosCheckoutAnswer>({
        status: error.code === "invalid_request" ? "zonos_refused" : "zonos_unavailable",
        message: `Zonos could not start the checkout: ${error.message}`,
      })
    }
  }
)
