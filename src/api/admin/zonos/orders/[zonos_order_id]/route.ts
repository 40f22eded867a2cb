import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { zonosOrderDetailSchema } from "../../../../../modules/zonos/client"
import { zonosPanelDiscount } from "../../../../../workflows/zonos/mapping/map-zonos-order"
import { requireZonosOrderNumber } from "../../../../utils/require-zonos-order-number"

/**
 * GET /admin/zonos/orders/:zonos_order_id: one Zonos order with its history and last order
 * detail, and `panel_discount` (mapping rule 10: the discount that makes the panel's amounts
 * add up to Zonos's total; computed here because the admin has no exact decimals).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.params.zonos_order_id)
  const { data } = await query.graph({
    entity: "zonos_order",
    fields: req.queryConfig.fields,
    filters: { zonos_order_number: zonosOrderNumber },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Zonos order ${req.params.zonos_order_id} has been seen by this store`)
  }
  const detail = zonosOrderDetailSchema.safeParse(data[0].order_detail)
  res.json({ zonos_order: { ...data[0], panel_discount: detail.success ? zonosPanelDiscount(detail.data) : null } })
}
