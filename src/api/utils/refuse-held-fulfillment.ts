import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { zonosHoldRefusal } from "../../workflows/zonos/helpers/hold-refusal"

/**
 * Refuses the admin's create-fulfilment call for a held order before Medusa's workflow starts.
 * The workflow's own hook (src/workflows/hooks/refuse-held-fulfillment.ts) refuses every other
 * caller; this guard only spares the admin a fulfilment made and rolled back.
 */
export async function refuseHeldFulfillment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const refusal = await zonosHoldRefusal(req.scope, req.params.id)
  next(refusal ?? undefined)
}
