import { setTimeout as sleep } from "node:timers/promises"
import { Presets, SingleBar } from "cli-progress"
import { ExecArgs } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../modules/zonos"
import ZonosModuleService from "../modules/zonos/service"
import { backfillDateProblem } from "../modules/zonos/utils/backfill-date"
import { resumeZonosSweepWorkflow } from "../workflows/zonos/workflows/resume-zonos-sweep"
import { sweepZonosOrdersWorkflow } from "../workflows/zonos/workflows/sweep-zonos-orders"

const USAGE = "usage: npx medusa exec ./node_modules/medusa-plugin-zonos/.medusa/server/src/scripts/zonos-backfill.js YYYY-MM-DD"
const POLL_MS = 500

/**
 * Imports every Zonos order since a day: `medusa exec <this file> 2026-01-01`. Starts a sweep
 * with trigger `backfill` and draws its progress until it ends. The orders go to the event bus:
 * with Redis, the worker processes import them (this process only watches); without, this
 * process imports them itself, so it must stay up until the bar is full.
 *
 * Resumable: run it again after an interruption and it continues. If the interrupted backfill is
 * still `running` (its process was killed), it is taken over: its unhandled orders are handed out
 * again. If it was closed meanwhile, a new backfill lists the same days and the orders already
 * in Medusa are skipped by the sweep's check of its own records, so each is imported once.
 */
export default async function zonosBackfill({ container, args }: ExecArgs) {
  const sinceDate = args[0] ?? ""
  const problem = backfillDateProblem(sinceDate, new Date())
  if (problem) throw new Error(`${problem}\n${USAGE}`)

  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const { result, errors } = await sweepZonosOrdersWorkflow(container).run({
    input: { trigger: "backfill", since_date: sinceDate },
    throwOnError: false,
  })
  let sweepId = result?.id
  if (errors.length) {
    const error = errors[0]?.error
    const [running] = await zonos.listZonosSweeps({ status: "running" }, { take: 1, order: { started_at: "DESC" } })
    if (error?.type !== MedusaError.Types.CONFLICT || running?.trigger !== "backfill") {
      throw new Error(`The backfill could not start: ${error?.message ?? "unknown error"}`)
    }
    const { result: resumed } = await resumeZonosSweepWorkflow(container).run({ input: { sweep_id: running.id } })
    console.log(`Resuming the backfill ${running.id} (since ${running.since_date}): ${resumed.emitted} order(s) left`)
    sweepId = running.id
  }
  if (!sweepId) throw new Error("The backfill did not start")

  const bar = new SingleBar(
    {
      format: "Zonos backfill |{bar}| {value}/{total} orders | {imported} imported, {on_hold} on hold, {failed} failed",
      // Without a terminal (a log, CI) a plain line every 2 s instead of a redrawn bar.
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic
  )
  let started = false
  for (;;) {
    const sweep = await zonos.retrieveZonosSweep(sweepId)
    const progress = (await zonos.sweepProgress([sweep])).get(sweep.id)
    const total = sweep.total ?? 0
    const counts = progress?.counts
    const payload = { imported: counts?.imported ?? 0, on_hold: counts?.on_hold ?? 0, failed: counts?.failed ?? 0 }
    if (!started) {
      bar.start(total, progress?.done ?? 0, payload)
      started = true
    } else {
      bar.setTotal(total)
      bar.update(progress?.done ?? 0, payload)
    }
    if (sweep.status !== "running") {
      bar.stop()
      console.log(`Backfill ${sweep.id} ${sweep.status}${sweep.error ? `:\n${sweep.error}` : ""}`)
      return
    }
    await sleep(POLL_MS)
  }
}
