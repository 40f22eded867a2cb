import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runZonosImport } from "../../../../../workflows/zonos/run-zonos-import"
import { AdminImportZonosOrderType } from "../../validators"

/** POST /admin/zonos/orders/import: import one order by its Zonos id, now. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportZonosOrderType>, res: MedusaResponse) => {
  const result = await runZonosImport(req.scope, { zonos_order_id: req.validatedBody.zonos_order_id, source: "admin" })
  res.json({ result })
}
