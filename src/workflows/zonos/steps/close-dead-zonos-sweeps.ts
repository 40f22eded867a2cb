import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { ZONOS_SWEEP_RUNNING } from "../../../modules/zonos/zonos-order-states"

export const DEAD_SWEEP_ERROR = "The process stopped before the sweep finished (it was killed or crashed)"

/**
 * One sweep at a time, and none left `running` for ever. Runs under the sweep lock (held while a
 * sweep lists and hands out its orders). A `running` sweep that handled an order within
 * `sweepStaleSeconds` is alive, its orders are with the workers: the new sweep fails with a
 * CONFLICT. One quiet for longer has no process left working on it (all were killed, or the
 * local event bus lost its orders with its process): it ends `failed` without a cursor, so it
 * never counts as the last good sweep and the next window starts where the last good one ended.
 * Its orders still queued, if any, are skipped by the workers (the sweep is no longer running).
 */
export const closeDeadZonosSweepsStep = createStep("close-dead-zonos-sweeps", async (_: void, { container }) => {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const running = await zonos.listZonosSweeps({ status: "running" })
  if (!running.length) {
    return new StepResponse({ closed: 0 })
  }
  const staleBefore = Date.now() - zonos.getSettings().sweepStaleSeconds * 1000
  const dead: typeof running = []
  for (const sweep of running) {
    const lastProgressAt = await zonos.sweepLastProgressAt(sweep.id)
    if (lastProgressAt && lastProgressAt.getTime() > staleBefore) {
      throw new MedusaError(MedusaError.Types.CONFLICT, ZONOS_SWEEP_RUNNING)
    }
    dead.push(sweep)
  }
  const now = new Date()
  await zonos.updateZonosSweeps(
    dead.map((sweep) => ({
      id: sweep.id,
      status: "failed" as const,
      finished_at: now,
      cursor_date: null,
      error: sweep.error ? `${sweep.error}\n${DEAD_SWEEP_ERROR}` : DEAD_SWEEP_ERROR,
    }))
  )
  return new StepResponse({ closed: dead.length })
})
