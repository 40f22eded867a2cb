import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ZONOS_MODULE } from "../../../../modules/zonos"
import { isZonosError } from "../../../../modules/zonos/client"
import ZonosModuleService from "../../../../modules/zonos/service"
import { toUtcDay } from "../../../../modules/zonos/utils/utc-day"

/**
 * GET /admin/zonos/connection: one cheap Zonos call (today's orderNumbers) to tell whether
 * the credentials work. Shows the store id and API URL, never the secret.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const zonos = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const { storeId, apiUrl, currency, storefrontSuccessUrl } = zonos.getSettings()
  const settings = { store_id: storeId, api_url: apiUrl, currency, storefront_success_url: storefrontSuccessUrl }
  try {
    await zonos.client.orderNumbers({ sinceDate: toUtcDay(new Date()) })
    res.json({ status: "connected", message: "Connected to Zonos", ...settings })
  } catch (error) {
    if (!isZonosError(error)) throw error
    const status = error.code === "invalid_credentials" ? "invalid_credentials" : "unreachable"
    const message = status === "invalid_credentials" ? "Zonos refused the store id or secret (invalid credentials)" : error.message
    res.json({ status, message, ...settings })
  }
}
