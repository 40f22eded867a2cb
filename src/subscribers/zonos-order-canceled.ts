import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../modules/zonos"
import ZonosModuleService from "../modules/zonos/service"
import { syncZonosShipment } from "../workflows/zonos/helpers/run-zonos-shipment-sync"

const ZONOS_CANCELLED = ["IGLOBAL_ORDER_CANCELLED", "IGLOBAL_ORDER_CANCELED"]

/**
 * The merchant cancelled an imported order in Medusa: the refund happens at Zonos, so Zonos
 * hears VENDOR_CANCELLATION_REQUEST. Orders cancelled because Zonos cancelled them are skipped.
 * The plugin's row learns of a Zonos cancellation only after Medusa's cancel has finished
 * (and this event may come first), so Zonos itself is asked; if it cannot be read, the request
 * is sent and, were it refused, dropped by the retry once the row shows Zonos's cancellation.
 */
export default async function zonosOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "zonos_order.zonos_order_number", "zonos_order.state", "zonos_order.zonos_status"],
    filters: { id: event.data.id },
  })
  const record = order?.zonos_order
  if (!record || record.state === "cancelled" || ZONOS_CANCELLED.includes(String(record.zonos_status))) {
    return
  }
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const status = await zonos.client
    .orderDetail({ orderId: record.zonos_order_number })
    .then((detail) => detail.orderStatus)
    .catch(() => null)
  if (ZONOS_CANCELLED.includes(String(status))) {
    return
  }
  await syncZonosShipment(container, event.data.id, "VENDOR_CANCELLATION_REQUEST")
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.CANCELED }
