import { MedusaContainer } from "@medusajs/framework/types"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { StartZonosSweepInput } from "../../src/workflows/zonos/steps/start-zonos-sweep"
import { sweepZonosOrdersWorkflow } from "../../src/workflows/zonos/workflows/sweep-zonos-orders"

/**
 * A sweep answers as soon as it has handed its orders to the workers; tests that want its
 * ending wait for it here, polling the sweep's record as the admin does.
 */
export async function waitForSweepEnd(container: MedusaContainer, sweepId: string, timeoutMs = 180_000) {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const giveUpAt = Date.now() + timeoutMs
  for (;;) {
    const sweep = await zonos.retrieveZonosSweep(sweepId)
    if (sweep.status !== "running") return sweep
    if (Date.now() > giveUpAt) throw new Error(`Sweep ${sweepId} still running after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Starts a sweep and waits for its end; the workflow's errors (a CONFLICT) are thrown. */
export async function sweepToEnd(container: MedusaContainer, input: StartZonosSweepInput = { trigger: "schedule" }) {
  const { result } = await sweepZonosOrdersWorkflow(container).run({ input })
  return waitForSweepEnd(container, result.id)
}

/** A sweep as GET /admin/zonos/sweeps/:id answers it. */
export type SweepOverHttp = {
  id: string
  status: string
  trigger: string
  total: number | null
  done?: number
  counts: Record<string, number> | null
  error: string | null
}

/** The same over HTTP: polls GET /admin/zonos/sweeps/:id until the sweep is no longer running. */
export async function waitForSweepEndOverHttp(
  get: (path: string) => Promise<{ data: { zonos_sweep: SweepOverHttp } }>,
  sweepId: string,
  timeoutMs = 180_000
): Promise<SweepOverHttp> {
  const giveUpAt = Date.now() + timeoutMs
  for (;;) {
    const { zonos_sweep: sweep } = (await get(`/admin/zonos/sweeps/${sweepId}`)).data
    if (sweep.status !== "running") return sweep
    if (Date.now() > giveUpAt) throw new Error(`Sweep ${sweepId} still running after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
