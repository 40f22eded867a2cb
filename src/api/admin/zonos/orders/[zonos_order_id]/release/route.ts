import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releaseZonosHoldWorkflow } from "../../../../../../workflows/zonos/workflows/release-zonos-hold"
import { requireZonosOrderNumber } from "../../../../../utils/require-zonos-order-number"
import { AdminReleaseZonosOrderType } from "../../../validators"

/** POST /admin/zonos/orders/:zonos_order_id/release: a merchant releases a screening-list or test-order hold. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReleaseZonosOrderType>, res: MedusaResponse) => {
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.params.zonos_order_id)
  const { result } = await releaseZonosHoldWorkflow(req.scope).run({
    input: { zonos_order_number: zonosOrderNumber, note: req.validatedBody.note ?? null, released_by: req.auth_context.actor_id },
  })
  res.json({ result })
}
