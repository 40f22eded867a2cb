import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { runZonosImport } from "../run-zonos-import"
import { ZonosSweepWork } from "./collect-zonos-sweep-work"

export type ZonosSweepCounts = {
  listed: number
  imported: number
  on_hold: number
  cancelled: number
  needs_attention: number
  processing: number
  failed: number
  not_found: number
  refreshed: number
  written_back: number
}

export type ZonosSweepOutcome = {
  counts: ZonosSweepCounts
  /** "<id>: <reason>" for each order this run could not import (at most 20). */
  errors: string[]
}

/**
 * Imports, re-reads and writes back what the sweep collected, `sweepConcurrency` at a time.
 * Each order goes through the same import workflow as the success page (same lock, same
 * idempotency); one order's failure is counted and recorded, never the end of the sweep.
 */
export const runZonosSweepImportsStep = createStep(
  "run-zonos-sweep-imports",
  async (input: { work: ZonosSweepWork }, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const { work } = input
    const listed = new Set(work.listed)
    const jobs = [
      ...work.to_import.map((id) => ({ id, refresh: false, kind: "import" as const })),
      ...work.to_refresh.map((id) => ({ id, refresh: true, kind: "refresh" as const })),
      ...work.to_write_back.map((id) => ({ id, refresh: false, kind: "write_back" as const })),
    ]
    const results = await mapWithConcurrency(jobs, zonos.getSettings().sweepConcurrency, async (job) => ({
      job,
      result: await runZonosImport(container, {
        zonos_order_id: job.id,
        source: "sweep",
        refresh: job.refresh,
        listed_by_zonos: listed.has(job.id),
      }),
    }))

    const counts: ZonosSweepCounts = {
      listed: work.listed.length,
      imported: 0,
      on_hold: 0,
      cancelled: 0,
      needs_attention: 0,
      processing: 0,
      failed: 0,
      not_found: 0,
      refreshed: work.to_refresh.length,
      written_back: 0,
    }
    const errors: string[] = []
    for (const { job, result } of results) {
      if (job.kind === "import") {
        counts[result.outcome] += 1
      }
      if (job.kind === "write_back" && result.order_id) {
        counts.written_back += 1
      }
      if ((result.outcome === "failed" || result.outcome === "processing") && result.last_error) {
        errors.push(`${job.id}: ${result.last_error}`)
      }
    }
    return new StepResponse<ZonosSweepOutcome>({ counts, errors: errors.slice(0, 20) })
  }
)

async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
