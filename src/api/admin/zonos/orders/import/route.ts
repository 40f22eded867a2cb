import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runZonosImport } from "../../../../../workflows/zonos/helpers/run-zonos-import"
import { requireZonosOrderNumber } from "../../../../utils/require-zonos-order-number"
import { AdminImportZonosOrderType } from "../../validators"

/** POST /admin/zonos/orders/import: import one order by its Zonos id, now. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportZonosOrderType>, res: MedusaResponse) => {
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.validatedBody.zonos_order_id)
  const result = await runZonosImport(req.scope, { zonos_order_id: zonosOrderNumber, source: "admin" })
  res.json({ result })
}
