import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { formatZonosOrderId, normalizeZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { runZonosImport } from "../../../workflows/zonos/run-zonos-import"
import { buildSuccessRedirect, shopperOutcome } from "../../utils/success-redirect"
import { ZonosSuccessQueryType } from "./validators"

/**
 * Zonos sends the shopper's browser here after checkout (`?orderId=999-12345`). The order
 * is imported at once (waiting at most `successPageWaitMs`), then the shopper is sent on to
 * the storefront. Whatever happens, the shopper gets a redirect, never an error page: if
 * Zonos cannot be reached yet, the outcome is "processing" and the sweep finishes the job.
 */
export const GET = async (req: MedusaRequest<unknown, ZonosSuccessQueryType>, res: MedusaResponse) => {
  const zonos = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const settings = zonos.getSettings()
  const zonosOrderId = normalizeZonosOrderId(req.validatedQuery.orderId)

  const importing = runZonosImport(req.scope, { zonos_order_id: zonosOrderId, source: "success_page" })
  const result = await Promise.race([importing, delay(settings.successPageWaitMs)]).catch(() => null)
  importing.catch(() => undefined)

  const location = buildSuccessRedirect(settings.storefrontSuccessUrl, {
    order_id: result?.order_id ?? null,
    zonos_order_id: formatZonosOrderId(settings.storeId, zonosOrderId),
    outcome: shopperOutcome(result?.outcome ?? null),
  })
  res.redirect(303, location)
}

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms).unref())
}
