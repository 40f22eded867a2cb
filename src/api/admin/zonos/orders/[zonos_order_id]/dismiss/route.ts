import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dismissZonosOrderWorkflow } from "../../../../../../workflows/zonos/workflows/dismiss-zonos-order"
import { requireZonosOrderNumber } from "../../../../../utils/require-zonos-order-number"
import { AdminDismissZonosOrderType } from "../../../validators"

/** POST /admin/zonos/orders/:zonos_order_id/dismiss `{ note }`: archive a row that will never import. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDismissZonosOrderType>, res: MedusaResponse) => {
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.params.zonos_order_id)
  const { result } = await dismissZonosOrderWorkflow(req.scope).run({
    input: { zonos_order_number: zonosOrderNumber, note: req.validatedBody.note, dismissed_by: req.auth_context.actor_id },
  })
  res.json({ result })
}
