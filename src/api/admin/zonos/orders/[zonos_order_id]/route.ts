import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { requireZonosOrderId } from "../../../../utils/require-zonos-order-id"

/** GET /admin/zonos/orders/:zonos_order_id: one Zonos order with its history and last order detail. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const zonosOrderId = requireZonosOrderId(req.scope, req.params.zonos_order_id)
  const { data } = await query.graph({
    entity: "zonos_order",
    fields: req.queryConfig.fields,
    filters: { zonos_order_id: zonosOrderId },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Zonos order ${req.params.zonos_order_id} has been seen by this store`)
  }
  res.json({ zonos_order: data[0] })
}
