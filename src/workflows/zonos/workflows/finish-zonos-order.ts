import { ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { linkZonosOrderToCartStep } from "../steps/link-zonos-order-to-cart"
import { recordZonosUnreservedLinesStep } from "../steps/record-zonos-unreserved-lines"
import { reserveZonosOrderInventoryStep } from "../steps/reserve-zonos-order-inventory"

/**
 * What Medusa's own cart completion and draft-order conversion do after creating an order,
 * for an imported Zonos order: link it to the cart it was checked out from (and complete the
 * cart), and reserve its stock so admin fulfilment works unchanged. Every step is idempotent,
 * so running it again for an order adopted after a crash only does what is missing.
 */
export const finishZonosOrderWorkflow = createWorkflow("finish-zonos-order", (input: { order_id: string }) => {
  const cart = linkZonosOrderToCartStep(input)
  const reserved = reserveZonosOrderInventoryStep(input)
  recordZonosUnreservedLinesStep(
    transform({ input, reserved }, ({ input, reserved }) => ({ order_id: input.order_id, unreserved: reserved.unreserved }))
  )
  emitEventStep({
    eventName: ReservationItemWorkflowEvents.CREATED,
    data: transform({ input, reserved }, ({ input, reserved }) =>
      reserved.reservation_ids.map((id) => ({ id, order_id: input.order_id }))
    ),
  }).config({ name: "emit-zonos-reservations-created" })
  return new WorkflowResponse(transform({ cart, reserved }, ({ cart, reserved }) => ({ cart, reserved })))
})
