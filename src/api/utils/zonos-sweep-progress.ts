import { MedusaContainer } from "@medusajs/framework/types"
import { ZONOS_MODULE } from "../../modules/zonos"
import ZonosModuleService from "../../modules/zonos/service"

/**
 * Sweeps as the admin reads them: each with `done` (orders handled so far, of `total`) and,
 * while it runs, its counts so far, counted from its rows in one query for the whole page.
 */
export async function withZonosSweepProgress<T extends { id?: string; status?: string; counts?: unknown; total?: number | null }>(
  scope: MedusaContainer,
  sweeps: T[]
): Promise<(T & { done?: number })[]> {
  const zonos = scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const progress = await zonos.sweepProgress(
    sweeps.flatMap((sweep) => (sweep.id ? [{ id: sweep.id, total: sweep.total, counts: sweep.counts }] : []))
  )
  return sweeps.map((sweep) => {
    const found = sweep.id ? progress.get(sweep.id) : undefined
    if (!found) return sweep
    return { ...sweep, done: found.done, ...(sweep.status === "running" ? { counts: found.counts } : {}) }
  })
}
