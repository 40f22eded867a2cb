import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { isZonosError, ZonosTempCart } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { buildZonosCheckoutUrl } from "../mapping/build-zonos-temp-cart"

export type ZonosCheckoutStarted = { checkout_url: string; temp_cart_uuid: string }

/**
 * Sends the cart to Zonos (createTempCart) and answers the hosted checkout page for it.
 * Nothing to undo: a temp cart nobody opens simply expires at Zonos.
 */
export const createZonosTempCartStep = createStep(
  "create-zonos-temp-cart",
  async (input: { temp_cart: ZonosTempCart; country_code: string | null }, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const settings = zonos.getSettings()
    try {
      const { tempCartUUID } = await zonos.client.createTempCart(input.temp_cart)
      return new StepResponse<ZonosCheckoutStarted>({
        temp_cart_uuid: tempCartUUID,
        checkout_url: buildZonosCheckoutUrl(settings.checkoutUrl, settings.storeId, tempCartUUID, input.country_code),
      })
    } catch (error) {
      if (isZonosError(error)) {
        // The client's messages never carry the secret, so they are safe to pass on.
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Zonos could not start the checkout: ${error.message}`)
      }
      throw error
    }
  }
)
