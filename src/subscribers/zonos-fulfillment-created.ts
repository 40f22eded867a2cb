import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { syncZonosShipment } from "../workflows/zonos/helpers/run-zonos-shipment-sync"

/** A fulfilment was created for an order: Zonos hears VENDOR_PREPARING_ORDER. */
export default async function zonosFulfillmentCreated({ event, container }: SubscriberArgs<{ order_id: string }>) {
  await syncZonosShipment(container, event.data.order_id, "VENDOR_PREPARING_ORDER")
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.FULFILLMENT_CREATED }
