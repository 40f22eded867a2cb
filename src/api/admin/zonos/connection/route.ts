import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { storeId, apiUrl, currency, storefrontSuccessUrl, regionId } = zonos.getSettings()
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  const [lastSweep] = await zonos.listZonosSweeps({}, { order: { started_at: "DESC" }, take: 1 })
  const details = {
    store_id: storeId,
    api_url: apiUrl,
    currency,
    storefront_success_url: storefrontSuccessUrl,
    sweep_schedule: ZONOS_SWEEP_SCHEDULE,
    next_sweep_at: nextSweepAt(new Date()),
    last_sweep: lastSweep ?? null,
    region_warning: regionWarning(regions, { currency, regionId }),
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

/**
 * What stops every import before the first one is tried: with `currency: "usd"`, an import
 * needs a region in USD (selling to the shopper's country, or the `regionId` fallback). The
 * shopper's currency (`"foreign"`) varies per order, so nothing is said then.
 */
function regionWarning(
  regions: { id: string; currency_code: string }[],
  settings: { currency: "usd" | "foreign"; regionId?: string }
): string | null {
  if (settings.regionId && !regions.some((region) => region.id === settings.regionId)) {
    return `The regionId option names no region of this store (${settings.regionId}): create it or fix the option`
  }
  if (settings.currency === "usd" && !regions.some((region) => region.currency_code.toLowerCase() === "usd")) {
    return "No region sells in USD: every import fails until you create one for the countries Zonos ships to (or set regionId)"
  }
  return null
}
