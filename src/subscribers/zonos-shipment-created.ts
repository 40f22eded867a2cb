import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { syncZonosShipment } from "../workflows/zonos/helpers/run-zonos-shipment-sync"

/**
 * A fulfilment was shipped (its labels carry the tracking numbers): Zonos gets all the order's
 * tracking numbers and VENDOR_SHIPMENT_READY. The event names the fulfilment only.
 */
export default async function zonosShipmentCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { fulfillment_id: event.data.id },
  })
  for (const link of links) {
    await syncZonosShipment(container, link.order_id, "VENDOR_SHIPMENT_READY")
  }
}

export const config: SubscriberConfig = { event: FulfillmentWorkflowEvents.SHIPMENT_CREATED }
