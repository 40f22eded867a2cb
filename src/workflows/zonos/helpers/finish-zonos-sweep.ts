import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { formatZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { sweepEnding } from "../../../modules/zonos/utils/sweep-ending"
import { toUtcDay } from "../../../modules/zonos/utils/utc-day"
import { EMPTY_SWEEP_COUNTS, zonosNotAnsweringMessage } from "../../../modules/zonos/zonos-order-states"

/** How many ids (missing, or failed with their reason) the sweep's error names; counts say how many there are. */
const NAMED = 20

/**
 * Ends the sweep when every order it handed out is handled, for exactly one caller (the last
 * worker, or the sweep's own workflow when it handed out nothing); false for everyone else.
 * How it ends follows `sweepEnding`. Whether a listed order is in Medusa is read from the rows
 * after the imports, not from this run's results, so an order the sweep did not try (backoff,
 * or skipped once Zonos stopped answering) keeps it `partial`, and the error says which.
 */
export async function finishZonosSweepIfDone(container: MedusaContainer, sweepId: string): Promise<boolean> {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  if (!(await zonos.claimSweepFinish(sweepId))) return false

  const sweep = await zonos.retrieveZonosSweep(sweepId)
  const { storeId, sweepStopAfterFailures } = zonos.getSettings()
  const today = toUtcDay(new Date())
  const notInMedusa = await zonos.sweepOrdersNotInMedusa(sweepId)
  const progress = (await zonos.sweepProgress([sweep])).get(sweepId)
  const counts = progress?.counts ?? EMPTY_SWEEP_COUNTS
  const ending = sweepEnding({
    listing_error: sweep.listing_error,
    since_date: sweep.since_date ?? today,
    not_in_medusa: notInMedusa,
    stopped_early: sweep.stopped_at !== null,
    today,
  })

  const failedItems = await zonos.listZonosSweepItems(
    { sweep_id: sweepId, kind: "import", outcome: ["failed", "processing"] },
    { take: NAMED, order: { zonos_order_number: "ASC" } }
  )
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: failedRows } = failedItems.length
    ? await query.graph({
        entity: "zonos_order",
        fields: ["zonos_order_number", "last_error"],
        filters: { zonos_order_number: failedItems.map((item) => item.zonos_order_number) },
      })
    : { data: [] }
  const errors = [
    ...(sweep.listing_error ? [sweep.listing_error] : []),
    ...(notInMedusa.length
      ? [
          `${notInMedusa.length} listed order(s) not in Medusa yet: ${notInMedusa
            .slice(0, NAMED)
            .map((id) => formatZonosOrderId(storeId, id))
            .join(", ")}${notInMedusa.length > NAMED ? ", ..." : ""}`,
        ]
      : []),
    ...(sweep.stopped_at ? [zonosNotAnsweringMessage(sweepStopAfterFailures, progress?.skipped ?? 0)] : []),
    ...failedRows.filter((row) => row.last_error).map((row) => `${row.zonos_order_number}: ${row.last_error}`),
  ]
  await zonos.updateZonosSweeps({
    id: sweepId,
    status: ending.status,
    cursor_date: ending.cursor_date,
    counts: { ...counts, not_in_medusa: notInMedusa.length },
    error: errors.length ? errors.join("\n") : null,
  })
  return true
}
