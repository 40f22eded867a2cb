import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
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
  const engine = req.scope.resolve(Modules.WORKFLOW_ENGINE)
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
    const { result } = await engine.run("import-zonos-order", {
      input: { zonos_order_id: id, source: "sweep", listed_by_zonos: true },
    })
    plugin.push(cpuMs(started))
    if (!isRecord(result) || result.outcome !== "imported") throw new Error(`the plugin's import of ${id} answered ${JSON.stringify(result)}`)
  }
  res.json({ bare_cpu_ms: bare, plugin_cpu_ms: plugin })
}
