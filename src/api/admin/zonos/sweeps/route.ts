import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { sweepZonosOrdersWorkflow, ZONOS_SWEEP_RUNNING } from "../../../../workflows/zonos/workflows/sweep-zonos-orders"
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
    const error = errors[0]?.error
    // The sweep refuses to start beside a running one with a CONFLICT (ZONOS_SWEEP_RUNNING).
    // Answered here, not thrown: Medusa's error handler replaces a CONFLICT's message with a
    // generic one about idempotency keys, and the merchant should read why.
    if (error?.type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: MedusaError.Types.CONFLICT, message: ZONOS_SWEEP_RUNNING })
      return
    }
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The sweep failed: ${error?.message ?? ""}`)
  }
  res.json({ zonos_sweep: result })
}
