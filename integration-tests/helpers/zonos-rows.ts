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
    filters: { zonos_order_number: normalizeZonosOrderId(zonosOrderId) },
  })
  return data[0]?.order?.id ?? null
}

/** The query keys of a success-page redirect: only what the caller typed may be in it. */
export function redirectQueryKeys(location: string): string[] {
  return [...new URL(location).searchParams.keys()].sort()
}

/**
 * Waits until the write-back of an imported order has been tried (Zonos took it, or the refusal
 * is recorded): the success page leaves it to a subscriber that runs after the shopper's answer.
 */
export async function writeBackTried(container: MedusaContainer, zonosOrderId: string, timeoutMs = 15_000): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const {
      data: [row],
    } = await query.graph({
      entity: "zonos_order",
      fields: ["merchant_order_id_sent_at", "writeback_attempts"],
      filters: { zonos_order_number: normalizeZonosOrderId(zonosOrderId) },
    })
    if (row?.merchant_order_id_sent_at || (row?.writeback_attempts ?? 0) > 0) return
    if (Date.now() > deadline) throw new Error(`The write-back of ${zonosOrderId} was not tried within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
