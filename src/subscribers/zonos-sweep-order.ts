import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ZONOS_SWEEP_ORDER_EVENT } from "../modules/zonos/zonos-order-states"
import { handleZonosSweepOrder } from "../workflows/zonos/helpers/handle-zonos-sweep-order"

/** One order of a sweep, in whichever worker process took the event (see handleZonosSweepOrder). */
export default async function zonosSweepOrder({ event, container }: SubscriberArgs<{ item_id: string }>) {
  await handleZonosSweepOrder(container, event.data.item_id)
}

export const config: SubscriberConfig = { event: ZONOS_SWEEP_ORDER_EVENT, context: { subscriberId: "zonos-sweep-order" } }
