import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseZonosOrderId } from "../../../../modules/zonos/client"
import { AdminListZonosOrdersType } from "../validators"

/**
 * GET /admin/zonos/orders: Zonos orders, newest first, filtered by state, status, test flag or id.
 * By default it leaves out what is not the merchant's work: ids Zonos does not know (`not_found`,
 * e.g. a stranger's guesses at the success page) and dismissed rows; `state=not_found` and
 * `dismissed=true` show them.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListZonosOrdersType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { state, zonos_status, test_order, dismissed, q } = req.validatedQuery
  const searchedId = q ? parseZonosOrderId(q.trim()) ?? q.replace(/\D/g, "") : undefined
  const filters: Record<string, unknown> = {
    state: state ?? { $ne: "not_found" },
    dismissed_at: dismissed ? { $ne: null } : null,
    ...(zonos_status ? { zonos_status } : {}),
    ...(test_order !== undefined ? { test_order } : {}),
    ...(searchedId ? { zonos_order_number: { $ilike: `%${searchedId}%` } } : {}),
  }
  const { data, metadata } = await query.graph({
    entity: "zonos_order",
    // `?fields=`, `?limit=`, `?offset=` and `?order=` as on Medusa's own list routes (query-config.ts).
    fields: req.queryConfig.fields,
    filters,
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination.order ?? { created_at: "DESC" } },
  })
  const { skip, take } = req.queryConfig.pagination
  res.json({ zonos_orders: data, count: metadata?.count ?? data.length, limit: take, offset: skip })
}
