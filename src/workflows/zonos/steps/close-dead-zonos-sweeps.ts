import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"

export const DEAD_SWEEP_ERROR = "The process stopped before the sweep finished (it was killed or crashed)"

/**
 * Closes the sweeps whose process died: rows still `running` when a new sweep starts. Runs
 * only once the new sweep holds the sweep lock, which a live sweep keeps renewing, so any other
 * `running` row belongs to a process that is gone (with several servers this needs the shared
 * Redis or Postgres locking provider, as the README says). They end `failed` without a cursor,
 * so they never count as the last good sweep and the next window starts where the last good
 * one ended.
 */
export const closeDeadZonosSweepsStep = createStep("close-dead-zonos-sweeps", async (_: void, { container }) => {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const dead = await zonos.listZonosSweeps({ status: "running" })
  if (!dead.length) {
    return new StepResponse({ closed: 0 })
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
