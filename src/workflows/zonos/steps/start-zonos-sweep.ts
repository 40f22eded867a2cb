import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { sweepSinceDate } from "../../../modules/zonos/utils/sweep-ending"
import { toUtcDay } from "../../../modules/zonos/utils/utc-day"
import { ZonosSweepTrigger } from "../../../modules/zonos/zonos-order-states"

export type StartZonosSweepInput = {
  trigger: ZonosSweepTrigger
  /** A backfill's first day, "YYYY-MM-DD" (validated by the route or the script). */
  since_date?: string
}

/**
 * Records the start of a sweep and works out its window: from the cursor of the last sweep
 * that handled everything (minus an overlap day), or `sweepLookbackDays` back on the first run.
 * A backfill starts at its own date, or earlier when the regular window does: a sweep that
 * succeeds moves the cursor to today, so it must never have asked for less than the regular one.
 */
export const startZonosSweepStep = createStep(
  "start-zonos-sweep",
  async (input: StartZonosSweepInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const now = new Date()
    const [lastGood] = await zonos.listZonosSweeps(
      { cursor_date: { $ne: null } },
      { order: { started_at: "DESC" }, take: 1 }
    )
    const regularSince = sweepSinceDate(lastGood?.cursor_date ?? null, toUtcDay(now), zonos.getSettings().sweepLookbackDays)
    const backfillSince = input.since_date ? input.since_date.replace(/-/g, "") : null
    const sinceDate = backfillSince && backfillSince < regularSince ? backfillSince : regularSince
    const sweep = await zonos.createZonosSweeps({
      trigger: input.trigger,
      status: "running",
      started_at: now,
      since_date: sinceDate,
    })
    return new StepResponse({ sweep_id: sweep.id, since_date: sinceDate }, sweep.id)
  },
  async (sweepId, { container }) => {
    if (!sweepId) return
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    await zonos.updateZonosSweeps({
      id: sweepId,
      status: "failed",
      finished_at: new Date(),
      error: "The sweep stopped before it finished; see the server log",
    })
  }
)
