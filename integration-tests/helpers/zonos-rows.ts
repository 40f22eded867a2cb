import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeZonosOrderId } from "../../src/modules/zonos/client"

/**
 * The Medusa order a Zonos order became, read the way the merchant's admin reads it (the row and
 * its link). Tests read it here because the success page's redirect no longer carries it.
 */
export async function medusaOrderIdOf(container: MedusaContainer, zonosOrderId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "zonos_order",
    fields: ["id", "order.id"],
    filters: { zonos_order_id: normalizeZonosOrderId(zonosOrderId) },
  })
  return data[0]?.order?.id ?? null
}

/** The query keys of a success-page redirect: only what the caller typed may be in it. */
export function redirectQueryKeys(location: string): string[] {
  return [...new URL(location).searchParams.keys()].sort()
}
