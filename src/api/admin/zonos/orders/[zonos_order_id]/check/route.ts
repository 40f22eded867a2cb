import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runZonosImport } from "../../../../../../workflows/zonos/helpers/run-zonos-import"
import { requireZonosOrderNumber } from "../../../../../utils/require-zonos-order-number"

/** POST /admin/zonos/orders/:zonos_order_id/check: re-read the order from Zonos and apply its status. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.params.zonos_order_id)
  const result = await runZonosImport(req.scope, { zonos_order_id: zonosOrderNumber, source: "admin", refresh: true })
  res.json({ result })
}
