import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZonosWriteBackTarget } from "./write-back-merchant-order-id"

/** The row and the Medusa order whose display id Zonos is still to learn; null when there is no order (nothing to send). */
export const findZonosWriteBackStep = createStep(
  "find-zonos-write-back",
  async (input: { zonos_order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "zonos_order",
      fields: ["id", "order.id", "order.display_id"],
      filters: { zonos_order_number: input.zonos_order_id },
    })
    const row = data[0]
    const target: ZonosWriteBackTarget | null = row?.order?.id ? { record_id: row.id, display_id: Number(row.order.display_id) } : null
    return new StepResponse(target)
  }
)
