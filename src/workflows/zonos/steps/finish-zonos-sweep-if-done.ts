import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { finishZonosSweepIfDone } from "../helpers/finish-zonos-sweep"

/**
 * Ends the sweep if nothing is left for the workers: a sweep with no order to hand out (or whose
 * orders were all handled before its workflow got here). Otherwise the worker that handles its
 * last order ends it; exactly one of them does (claimSweepFinish).
 */
export const finishZonosSweepIfDoneStep = createStep(
  "finish-zonos-sweep-if-done",
  async (input: { sweep_id: string }, { container }) => {
    const finished = await finishZonosSweepIfDone(container, input.sweep_id)
    return new StepResponse({ finished })
  }
)
