import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { HOLD_REASON_TEXT } from "../../workflows/zonos/mapping/zonos-status"

/**
 * Medusa has no order hold, so the plugin enforces its own: creating a fulfillment for an
 * order Zonos (or a merchant review) holds is refused with the reason, in words.
 */
export async function refuseHeldFulfillment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "zonos_order.state", "zonos_order.hold_reason"],
    filters: { id: req.params.id },
  })
  const record = data[0]?.zonos_order
  if (record?.state === "held" && record.hold_reason) {
    const reason = HOLD_REASON_TEXT[record.hold_reason as keyof typeof HOLD_REASON_TEXT] ?? record.hold_reason
    return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, `Held by Zonos: ${reason}. This order cannot be fulfilled until the hold is released.`))
  }
  next()
}
