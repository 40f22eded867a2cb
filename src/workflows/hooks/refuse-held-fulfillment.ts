import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { zonosHoldRefusal } from "../zonos/helpers/hold-refusal"

/**
 * Enforces the Zonos hold inside Medusa's fulfilment workflow, for every caller (admin route,
 * scripts, other plugins): its only hook runs once the fulfilment is made and linked, and
 * throwing there fails the workflow, which compensates it (fulfilment, link, stock moves).
 */
createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(async ({ fulfillment }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { fulfillment_id: fulfillment.id },
  })
  for (const link of links) {
    const refusal = await zonosHoldRefusal(container, link.order_id)
    if (refusal) throw refusal
  }
})
