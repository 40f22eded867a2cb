import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { importBare, isRecord } from "./import-bare"

/**
 * The bench's yardstick, copied into the bench's build of the development store only (never
 * shipped): the same Zonos orders imported with Medusa's core flows and nothing else. Per order
 * one orderDetail read from the sandbox over HTTP (what the plugin's import costs in Zonos time),
 * createOrderWorkflow with the same shape (custom lines, a shipping method, both addresses, the
 * email), a payment collection for the total, marked paid through the Zonos provider; `concurrency`
 * at a time, as the plugin's sweep. POST starts a run and answers its id at once (a run outlives
 * any sensible HTTP timeout); GET ?run= answers its progress and per-order timings.
 */

type BareRun = { total: number; done: number; failed: string[]; latencies_ms: number[]; started_at: number; elapsed_ms: number | null }

const runs = new Map<string, BareRun>()

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body: unknown = req.body
  if (!isRecord(body) || !Array.isArray(body.ids)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "ids is required")
  const ids = body.ids.map(String)
  const concurrency = Number(body.concurrency ?? 1)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "usd" } })
  const runId = `bare_${Date.now()}`
  const run: BareRun = { total: ids.length, done: 0, failed: [], latencies_ms: [], started_at: Date.now(), elapsed_ms: null }
  runs.set(runId, run)
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]
      const started = Date.now()
      try {
        await importBare(req.scope, id, regions[0].id)
        run.latencies_ms.push(Date.now() - started)
      } catch (error) {
        run.failed.push(`${id}: ${error instanceof Error ? error.message : JSON.stringify(error)}`)
      }
      run.done += 1
    }
  }
  void Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    run.elapsed_ms = Date.now() - run.started_at
  })
  res.status(202).json({ run_id: runId })
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const run = runs.get(String(req.query.run))
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such run")
  res.json(run)
}
