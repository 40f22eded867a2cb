import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { HOLD_REASON_TEXT } from "./mapping/zonos-status"

/**
 * The refusal for fulfilling an order Zonos (or a merchant review) holds, or null when it is
 * not held. Medusa has no order hold: the plugin keeps its own on the zonos_order row. One
 * message for the admin route's guard and the fulfilment workflow's hook.
 */
export async function zonosHoldRefusal(container: MedusaContainer, orderId: string): Promise<MedusaError | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "zonos_order.state", "zonos_order.hold_reason"],
    filters: { id: orderId },
  })
  const record = data[0]?.zonos_order
  if (record?.state !== "held" || !record.hold_reason) {
    return null
  }
  const key = String(record.hold_reason)
  const reason = Object.entries(HOLD_REASON_TEXT).find(([candidate]) => candidate === key)?.[1] ?? key
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Held by Zonos: ${reason}. This order cannot be fulfilled until the hold is released.`
  )
}
