import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { formatZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { sweepEnding } from "../../../modules/zonos/utils/sweep-ending"
import { toUtcDay } from "../../../modules/zonos/utils/utc-day"
import { ZonosSweepOutcome } from "./run-zonos-sweep-imports"

export type FinishZonosSweepInput = {
  sweep_id: string
  since_date: string
  listing_error: string | null
  /** Zonos order ids orderNumbers listed for the window (normalised). */
  listed: string[]
  outcome: ZonosSweepOutcome
}

/** How many missing ids the sweep's error names; the count says how many there are. */
const NAMED_MISSING = 20

/**
 * Records how the sweep ended (see `sweepEnding`). Whether a listed order is in Medusa is read
 * from the rows after the imports, not from this run's results, so an order the sweep did not try
 * (backoff, or a sweep stopped early) still keeps it `partial`, and the error says which.
 */
export const finishZonosSweepStep = createStep(
  "finish-zonos-sweep",
  async (input: FinishZonosSweepInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { storeId } = zonos.getSettings()
    const now = new Date()

    const { data: rows } = input.listed.length
      ? await query.graph({
          entity: "zonos_order",
          fields: ["zonos_order_id", "state", "dismissed_at", "order.id"],
          filters: { zonos_order_id: input.listed },
        })
      : { data: [] }
    const settled = new Set(
      rows.filter((row) => row.order?.id || row.state === "cancelled" || row.dismissed_at).map((row) => row.zonos_order_id)
    )
    const notInMedusa = input.listed.filter((id) => !settled.has(id))

    const ending = sweepEnding({
      listing_error: input.listing_error,
      since_date: input.since_date,
      not_in_medusa: notInMedusa,
      stopped_early: input.outcome.stopped_early,
      today: toUtcDay(now),
    })
    const missing = notInMedusa.length
      ? [
          `${notInMedusa.length} listed order(s) not in Medusa yet: ${notInMedusa
            .slice(0, NAMED_MISSING)
            .map((id) => formatZonosOrderId(storeId, id))
            .join(", ")}${notInMedusa.length > NAMED_MISSING ? ", ..." : ""}`,
        ]
      : []
    const errors = [...(input.listing_error ? [input.listing_error] : []), ...missing, ...input.outcome.errors]
    const sweep = await zonos.updateZonosSweeps({
      id: input.sweep_id,
      status: ending.status,
      finished_at: now,
      cursor_date: ending.cursor_date,
      counts: { ...input.outcome.counts, not_in_medusa: notInMedusa.length },
      error: errors.length ? errors.join("\n") : null,
    })
    return new StepResponse(sweep)
  }
)
