import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { runZonosImport } from "../helpers/run-zonos-import"
import { writeBackZonosOrderWorkflow } from "../workflows/write-back-zonos-order"
import { ZonosSweepWork } from "./collect-zonos-sweep-work"

/** Zonos error codes that mean Zonos is not answering (as opposed to answering "no"). */
const NOT_ANSWERING_CODES = ["timeout", "server_error", "network_error"]

export const zonosNotAnsweringMessage = (failures: number, left: number) =>
  `Zonos is not answering: ${failures} orders in a row timed out or failed with a server or network error; ` +
  `the sweep stopped and left ${left} for the next sweep`

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
  /** Zonos stopped answering and the sweep started no more work: it cannot have succeeded. */
  stopped_early: boolean
}

/**
 * Imports, re-reads and writes back what the sweep collected, `sweepConcurrency` at a time.
 * Each order goes through the same import workflow as the
 * success page (same lock, same idempotency); one order's failure is counted and recorded,
 * never the end of the sweep. Except when Zonos stops answering: after `sweepStopAfterFailures`
 * orders in a row could not be read for a timeout, a 5xx or a network error, no further order is
 * started (those in flight finish); the rest stays unhandled, so the sweep ends `partial` and the
 * next one asks again, instead of spending timeoutMs x (maxRetries + 1) on every order.
 */
export const runZonosSweepImportsStep = createStep(
  "run-zonos-sweep-imports",
  async (input: { work: ZonosSweepWork }, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const settings = zonos.getSettings()
    const { work } = input
    const listed = new Set(work.listed)
    const jobs = [
      ...work.to_import.map((id) => ({ id, refresh: false, kind: "import" as const })),
      ...work.to_refresh.map((id) => ({ id, refresh: true, kind: "refresh" as const })),
    ]
    let failuresInARow = 0
    let stopped = false
    const results = await mapWithConcurrency(
      jobs,
      settings.sweepConcurrency,
      () => stopped,
      async (job) => {
        const result = await runZonosImport(container, {
          zonos_order_id: job.id,
          source: "sweep",
          refresh: job.refresh,
          listed_by_zonos: listed.has(job.id),
        })
        if (result.zonos_error_code && NOT_ANSWERING_CODES.includes(result.zonos_error_code)) {
          failuresInARow += 1
          if (failuresInARow >= settings.sweepStopAfterFailures) stopped = true
        } else {
          failuresInARow = 0
        }
        return { job, result }
      }
    )

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
    const notStarted = jobs.filter((_, index) => !results[index])
    for (const job of notStarted) {
      if (job.kind === "import") counts.processing += 1
    }
    if (stopped) {
      errors.push(zonosNotAnsweringMessage(failuresInARow, notStarted.length))
    }
    for (const entry of results) {
      if (!entry) continue
      const { job, result } = entry
      if (job.kind === "import") {
        counts[result.outcome] += 1
      }
      if ((result.outcome === "failed" || result.outcome === "processing") && result.last_error) {
        errors.push(`${job.id}: ${result.last_error}`)
      }
    }
    // Write-backs that failed before: their own small workflow, counted by what Zonos took.
    if (!stopped) {
      const writeBacks = await mapWithConcurrency(
        work.to_write_back,
        settings.sweepConcurrency,
        () => false,
        async (id) => (await writeBackZonosOrderWorkflow(container).run({ input: { zonos_order_id: id } })).result
      )
      counts.written_back = writeBacks.filter((written) => written?.sent).length
    }
    return new StepResponse<ZonosSweepOutcome>({ counts, errors: errors.slice(0, 20), stopped_early: stopped })
  }
)

/** Runs fn over items, `limit` at a time, starting no new item once `stop()` says so (those get no result). */
async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  stop: () => boolean,
  fn: (item: T) => Promise<R>
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined)
  let next = 0
  const worker = async () => {
    while (next < items.length && !stop()) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
