import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { withZonosSweepProgress } from "../../../../utils/zonos-sweep-progress"
import { AdminGetZonosSweepType } from "../../validators"

/** GET /admin/zonos/sweeps/:id: one sweep with its progress (`done` of `total`, counts so far). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetZonosSweepType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "zonos_sweep", fields: req.queryConfig.fields, filters: { id: req.params.id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No sweep ${req.params.id}`)
  }
  const [sweep] = await withZonosSweepProgress(req.scope, data)
  res.json({ zonos_sweep: sweep })
}
