import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { ZonosOrderPanel } from "../components/order-panel/zonos-order-panel"
import type { ZonosUnreservedLine } from "../lib/types"

/** Shown on a Medusa order's page when the order came from Zonos Checkout. */
const ZonosOrderWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const zonosOrderId = data?.metadata?.zonos_order_id
  if (typeof zonosOrderId !== "string" && typeof zonosOrderId !== "number") {
    return null
  }
  return <ZonosOrderPanel zonosOrderLabel={String(zonosOrderId)} unreservedLines={unreservedLines(data?.metadata)} />
}

/** Lines the import could not reserve stock for (order metadata written by the plugin). */
function unreservedLines(metadata: Record<string, unknown> | null | undefined): ZonosUnreservedLine[] {
  const lines = metadata?.zonos_unreserved_lines
  if (!Array.isArray(lines)) return []
  return lines.flatMap((line: unknown) =>
    typeof line === "object" && line !== null && "line_item_id" in line && "title" in line
      ? [
          {
            line_item_id: String(line.line_item_id),
            title: String(line.title),
            sku: "sku" in line && typeof line.sku === "string" ? line.sku : null,
            quantity: "quantity" in line ? String(line.quantity) : "",
            reason: "reason" in line ? String(line.reason) : "",
          },
        ]
      : []
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
  id: "medusa-plugin-zonos:order-panel",
})

export default ZonosOrderWidget
