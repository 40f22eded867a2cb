import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MedusaWorkflow } from "@medusajs/framework/workflows-sdk"
import { importBare, isRecord } from "../bare-import/import-bare"

/**
 * The CPU one import costs the store process, bare and by the plugin, one order at a time and
 * taking turns (never shipped): each order is imported with the core flows alone, then by the
 * plugin's import workflow (the sweep's path without the sweep's own bookkeeping), each measured
 * with process.cpuUsage (all of the process's threads, its garbage collector's included). One at
 * a time nothing overlaps, so each figure is that import's own; taking turns puts both under the
 * same machine, which a rate measured over a minute cannot promise on a busy host.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body: unknown = req.body
  if (!isRecord(body) || !Array.isArray(body.ids)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "ids is required")
  const ids = body.ids.map(String)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // The workflow as the sweep runs it (runZonosImport: the exported workflow's own run), not
  // through the workflow engine module, whose step events deep-copy every step's output.
  const importWorkflow: unknown = MedusaWorkflow.getWorkflow("import-zonos-order")
  if (typeof importWorkflow !== "function") throw new Error("import-zonos-order is not registered")
  const runImport = async (scope: MedusaContainer, zonosOrderId: string): Promise<unknown> => {
    const { result } = await importWorkflow(scope).run({
      input: { zonos_order_id: zonosOrderId, source: "sweep", listed_by_zonos: true },
      throwOnError: true,
    })
    return result
  }
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "usd" } })
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since)
    return (used.user + used.system) / 1000
  }
  const bare: number[] = []
  const plugin: number[] = []
  for (const id of ids) {
    let started = process.cpuUsage()
    await importBare(req.scope, id, regions[0].id)
    bare.push(cpuMs(started))
    started = process.cpuUsage()
    const result = await runImport(req.scope, id)
    plugin.push(cpuMs(started))
    if (!isRecord(result) || result.outcome !== "imported") throw new Error(`the plugin's import of ${id} answered ${JSON.stringify(result)}`)
  }
  res.json({ bare_cpu_ms: bare, plugin_cpu_ms: plugin })
}
