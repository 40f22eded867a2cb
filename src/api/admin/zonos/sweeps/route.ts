import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../../../../modules/zonos"
import ZonosModuleService from "../../../../modules/zonos/service"
import { sweepZonosOrdersWorkflow } from "../../../../workflows/zonos/sweep-zonos-orders"
import { AdminListZonosSweepsType } from "../validators"

/** GET /admin/zonos/sweeps: recent sweeps, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListZonosSweepsType>, res: MedusaResponse) => {
  const zonos = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const { limit, offset } = req.validatedQuery
  const [sweeps, count] = await zonos.listAndCountZonosSweeps(
    {},
    { order: { started_at: "DESC" }, take: limit ?? 10, skip: offset ?? 0 }
  )
  res.json({ zonos_sweeps: sweeps, count, limit, offset })
}

/** POST /admin/zonos/sweeps: run a sweep now; answers with its counts. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result, errors } = await sweepZonosOrdersWorkflow(req.scope).run({
    input: { trigger: "admin" },
    throwOnError: false,
  })
  if (errors.length) {
    const message = errors[0]?.error?.message ?? ""
    throw new MedusaError(
      /lock/i.test(message) ? MedusaError.Types.CONFLICT : MedusaError.Types.UNEXPECTED_STATE,
      /lock/i.test(message) ? "A sweep is already running; try again when it ends" : `The sweep failed: ${message}`
    )
  }
  res.json({ zonos_sweep: result })
}
