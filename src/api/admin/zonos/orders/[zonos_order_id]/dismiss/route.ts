import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dismissZonosOrderWorkflow } from "../../../../../../workflows/zonos/workflows/dismiss-zonos-order"
import { requireZonosOrderId } from "../../../../../utils/require-zonos-order-id"
import { AdminDismissZonosOrderType } from "../../../validators"

/** POST /admin/zonos/orders/:zonos_order_id/dismiss `{ note }`: archive a row that will never import. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDismissZonosOrderType>, res: MedusaResponse) => {
  const zonosOrderId = requireZonosOrderId(req.scope, req.params.zonos_order_id)
  const { result } = await dismissZonosOrderWorkflow(req.scope).run({
    input: { zonos_order_id: zonosOrderId, note: req.validatedBody.note, dismissed_by: req.auth_context.actor_id },
  })
  res.json({ result })
}
