import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { sweepZonosOrdersWorkflow, ZONOS_SWEEP_RUNNING } from "../../../../workflows/zonos/workflows/sweep-zonos-orders"
import { withZonosSweepProgress } from "../../../utils/zonos-sweep-progress"
import { AdminListZonosSweepsType, AdminStartZonosSweepType } from "../validators"

/** GET /admin/zonos/sweeps: recent sweeps, newest first, with the progress of a running one. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListZonosSweepsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "zonos_sweep",
    fields: req.queryConfig.fields,
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination.order ?? { started_at: "DESC" } },
  })
  const { skip, take } = req.queryConfig.pagination
  const sweeps = await withZonosSweepProgress(req.scope, data)
  res.json({ zonos_sweeps: sweeps, count: metadata?.count ?? data.length, limit: take, offset: skip })
}

/**
 * POST /admin/zonos/sweeps: start a sweep now (with `since_date`, a backfill from that day).
 * Answers 202 as soon as the sweep has handed its orders to the workers, with the sweep
 * `running`; GET /admin/zonos/sweeps/:id follows it to its end.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartZonosSweepType>, res: MedusaResponse) => {
  const { since_date } = req.validatedBody
  const { result, errors } = await sweepZonosOrdersWorkflow(req.scope).run({
    input: since_date ? { trigger: "backfill", since_date } : { trigger: "admin" },
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
  const [sweep] = await withZonosSweepProgress(req.scope, [result])
  res.status(202).json({ zonos_sweep: sweep })
}
