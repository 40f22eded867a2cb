import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ZONOS_MODULE } from "../../../../modules/zonos"
import ZonosModuleService from "../../../../modules/zonos/service"
import { zonosCheckoutHttpAnswer } from "../../../../workflows/zonos/plans/zonos-checkout-answer"
import { startZonosCheckoutWorkflow } from "../../../../workflows/zonos/workflows/start-zonos-checkout"
import { StoreStartZonosCheckoutType } from "./validators"

/**
 * POST /store/zonos/checkout { cart_id }: hand the cart to Zonos; answers { checkout_url, temp_cart_uuid }.
 * At most `checkoutMaxInFlight` run at once per process (the publishable key is public).
 */
export const POST = async (req: MedusaRequest<StoreStartZonosCheckoutType>, res: MedusaResponse) => {
  const zonos = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const starting = zonos.checkoutStarts.tryRun(() =>
    startZonosCheckoutWorkflow(req.scope).run({
      input: { cart_id: req.validatedBody.cart_id, request_origin: `${req.protocol}://${req.get("host")}` },
    })
  )
  const { status, body } = zonosCheckoutHttpAnswer(starting ? (await starting).result : "busy")
  res.status(status).json(body)
}
