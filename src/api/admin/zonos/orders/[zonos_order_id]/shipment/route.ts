import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { syncZonosShipmentWorkflow } from "../../../../../../workflows/zonos/workflows/sync-zonos-shipment"
import { requireZonosOrderNumber } from "../../../../../utils/require-zonos-order-number"

/**
 * POST /admin/zonos/orders/:zonos_order_id/shipment ("Send again"): sends Zonos the order's
 * tracking numbers and its last (or pending) vendor status now, even if Zonos has them.
 * Answers what was sent and Zonos's refusal, if any (recorded on the row as well).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.params.zonos_order_id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [record],
  } = await query.graph({ entity: "zonos_order", fields: ["id", "order.id"], filters: { zonos_order_number: zonosOrderNumber } })
  const orderId = record?.order?.id
  if (!orderId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Zonos order ${req.params.zonos_order_id} has no Medusa order`)
  }
  const { result } = await syncZonosShipmentWorkflow(req.scope).run({ input: { order_id: orderId, force: true } })
  res.json({ result })
}
