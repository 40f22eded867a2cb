import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { toUtcDay } from "../../../modules/zonos/utils/utc-day"
import { ZonosSweepOutcome } from "./run-zonos-sweep-imports"

export type FinishZonosSweepInput = {
  sweep_id: string
  since_date: string
  listing_error: string | null
  outcome: ZonosSweepOutcome
}

/**
 * Records how the sweep ended. The cursor moves to today only when every order of the
 * window was handled; otherwise it stays where this sweep started, so the next sweep asks
 * for the same days again (failed imports are retried from their own rows as well).
 */
export const finishZonosSweepStep = createStep(
  "finish-zonos-sweep",
  async (input: FinishZonosSweepInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const now = new Date()
    const status = input.listing_error ? "failed" : input.outcome.unhandled.length ? "partial" : "succeeded"
    const cursor = input.listing_error ? null : input.outcome.unhandled.length ? input.since_date : toUtcDay(now)
    const errors = [...(input.listing_error ? [input.listing_error] : []), ...input.outcome.errors]
    const sweep = await zonos.updateZonosSweeps({
      id: input.sweep_id,
      status,
      finished_at: now,
      cursor_date: cursor,
      counts: input.outcome.counts,
      error: errors.length ? errors.join("\n") : null,
    })
    return new StepResponse(sweep)
  }
)
