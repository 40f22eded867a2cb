import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { ZonosOrderPanel } from "../components/order-panel/zonos-order-panel"

/** Shown on a Medusa order's page when the order came from Zonos Checkout. */
const ZonosOrderWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const zonosOrderId = data?.metadata?.zonos_order_id
  if (typeof zonosOrderId !== "string" && typeof zonosOrderId !== "number") {
    return null
  }
  return <ZonosOrderPanel zonosOrderLabel={String(zonosOrderId)} />
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
  id: "medusa-plugin-zonos:order-panel",
})

export default ZonosOrderWidget
