import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startZonosCheckoutWorkflow } from "../../../../workflows/zonos/workflows/start-zonos-checkout"
import { StoreStartZonosCheckoutType } from "./validators"

/** POST /store/zonos/checkout { cart_id }: hand the cart to Zonos; answers { checkout_url, temp_cart_uuid }. */
export const POST = async (req: MedusaRequest<StoreStartZonosCheckoutType>, res: MedusaResponse) => {
  const { result } = await startZonosCheckoutWorkflow(req.scope).run({
    input: { cart_id: req.validatedBody.cart_id, request_origin: `${req.protocol}://${req.get("host")}` },
  })
  res.json(result)
}
