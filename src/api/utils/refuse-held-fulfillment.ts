import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { HOLD_REASON_TEXT, isZonosHoldReason } from "../../modules/zonos/zonos-order-states"

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
  const holdReason: unknown = record?.hold_reason
  if (record?.state === "held" && isZonosHoldReason(holdReason)) {
    const reason = HOLD_REASON_TEXT[holdReason]
    return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, `Held by Zonos: ${reason}. This order cannot be fulfilled until the hold is released.`))
  }
  next()
}
