import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ZONOS_MODULE } from "../../../../modules/zonos"
import { isZonosError } from "../../../../modules/zonos/client"
import ZonosModuleService from "../../../../modules/zonos/service"
import { nextSweepAt, ZONOS_SWEEP_SCHEDULE } from "../../../../modules/zonos/utils/sweep-schedule"
import { toUtcDay } from "../../../../modules/zonos/utils/utc-day"

/**
 * GET /admin/zonos/connection: one cheap Zonos call (today's orderNumbers) to tell whether
 * the credentials work, with the settings a merchant checks (never the secret), the last
 * sweep and when the next one is scheduled.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const zonos = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const { storeId, apiUrl, currency, storefrontSuccessUrl } = zonos.getSettings()
  const [lastSweep] = await zonos.listZonosSweeps({}, { order: { started_at: "DESC" }, take: 1 })
  const details = {
    store_id: storeId,
    api_url: apiUrl,
    currency,
    storefront_success_url: storefrontSuccessUrl,
    sweep_schedule: ZONOS_SWEEP_SCHEDULE,
    next_sweep_at: nextSweepAt(new Date()),
    last_sweep: lastSweep ?? null,
  }
  try {
    await zonos.client.orderNumbers({ sinceDate: toUtcDay(new Date()) })
    res.json({ status: "connected", message: "Connected to Zonos", ...details })
  } catch (error) {
    if (!isZonosError(error)) throw error
    const invalid = error.code === "invalid_credentials"
    res.json({
      status: invalid ? "invalid_credentials" : "unreachable",
      message: invalid ? "Zonos refused the store id or secret (invalid credentials)" : error.message,
      ...details,
    })
  }
}
