import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { HOLD_REASON_TEXT, isZonosHoldReason } from "../../../modules/zonos/zonos-order-states"

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
  const holdReason: unknown = record?.hold_reason
  if (record?.state !== "held" || !isZonosHoldReason(holdReason)) {
    return null
  }
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Held by Zonos: ${HOLD_REASON_TEXT[holdReason]}. This order cannot be fulfilled until the hold is released.`
  )
}
