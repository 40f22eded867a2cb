import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { sweepZonosOrdersWorkflow } from "../../../../workflows/zonos/sweep-zonos-orders"
import { AdminListZonosSweepsType } from "../validators"

/** GET /admin/zonos/sweeps: recent sweeps, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListZonosSweepsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "zonos_sweep",
    fields: req.queryConfig.fields,
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination.order ?? { started_at: "DESC" } },
  })
  const { skip, take } = req.queryConfig.pagination
  res.json({ zonos_sweeps: data, count: metadata?.count ?? data.length, limit: take, offset: skip })
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
