import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { shiftUtcDay, toUtcDay } from "../../../modules/zonos/utils/utc-day"

/** sinceDate is day-granular: re-ask for the day before the cursor so no order slips between two sweeps. */
const OVERLAP_DAYS = 1

/**
 * Records the start of a sweep and works out its window: from the cursor of the last sweep
 * that handled everything (minus an overlap day), or `sweepLookbackDays` back on the first run.
 */
export const startZonosSweepStep = createStep(
  "start-zonos-sweep",
  async (input: { trigger: string }, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const now = new Date()
    const [lastGood] = await zonos.listZonosSweeps(
      { cursor_date: { $ne: null } },
      { order: { started_at: "DESC" }, take: 1 }
    )
    const sinceDate = lastGood?.cursor_date
      ? shiftUtcDay(lastGood.cursor_date, OVERLAP_DAYS)
      : shiftUtcDay(toUtcDay(now), zonos.getSettings().sweepLookbackDays)
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
