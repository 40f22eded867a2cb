import { Alert, Button, Text, toast } from "@medusajs/ui"
import { useSendZonosShipment } from "../../hooks/zonos"
import { formatRelativeTime } from "../../lib/money"
import { errorMessage } from "../../lib/words"
import { SectionRow } from "../section-row"
import type { OrderSectionProps } from "./order-section-props"

/**
 * What Zonos has been told about shipping: the tracking numbers it has and when, the vendor
 * status, a refusal waiting for the sweep's retry, and "Send again". Also the lines imported
 * without a stock reservation, since those are what to check before shipping.
 */
export const ShippingSection = ({ record, zonosOrderLabel, unreservedLines }: OrderSectionProps) => {
  const send = useSendZonosShipment()
  const sync = record.shipment_sync ?? {}
  const numbers = sync.tracking_numbers ?? []
  const pending = [sync.pending_tracking ? "tracking numbers" : null, sync.pending_vendor_status ?? null].filter(Boolean)

  const onSend = async () => {
    try {
      const result = await send.mutateAsync(zonosOrderLabel)
      if (result.error) {
        toast.warning("Zonos refused the update", { description: result.error })
      } else if (!result.sent_tracking && !result.sent_vendor_status) {
        toast.info("Nothing to send yet", { description: "The order has no tracking numbers or vendor status for Zonos." })
      } else {
        toast.success("Sent to Zonos", {
          description: [result.sent_tracking?.join(", "), result.sent_vendor_status].filter(Boolean).join(" - "),
        })
      }
    } catch (error) {
      toast.error("Could not send to Zonos", { description: errorMessage(error) })
    }
  }

  return (
    <div data-testid="zonos-shipping">
      {unreservedLines.length > 0 && (
        <div className="px-6 py-4" data-testid="zonos-unreserved">
          <Alert variant="warning">
            <Text size="small" leading="compact" className="text-ui-fg-base">
              No stock reserved for{" "}
              {unreservedLines.map((line) => `${line.quantity} x ${line.sku ?? line.title}`).join(", ")}: check stock before
              shipping.
            </Text>
          </Alert>
        </div>
      )}
      <SectionRow
        title="Tracking sent to Zonos"
        alignTop
        testId="zonos-tracking-sent"
        value={
          numbers.length
            ? `${numbers.join("\n")}${sync.tracking_sent_at ? `\n${formatRelativeTime(sync.tracking_sent_at)}` : ""}`
            : "Nothing sent yet"
        }
      />
      <SectionRow
        title="Vendor status at Zonos"
        testId="zonos-vendor-status"
        value={
          sync.vendor_status
            ? `${sync.vendor_status}${sync.vendor_status_sent_at ? ` (${formatRelativeTime(sync.vendor_status_sent_at)})` : ""}`
            : "-"
        }
      />
      {sync.last_error && (
        <div className="px-6 py-4" data-testid="zonos-shipment-error">
          <Alert variant="error">
            <Text size="small" leading="compact" className="text-ui-fg-base break-words">
              Zonos refused {pending.join(" and ") || "the last update"}: {sync.last_error}
              {record.shipment_sync_due_at ? ` The sweep retries ${formatRelativeTime(record.shipment_sync_due_at)}.` : ""}
            </Text>
          </Alert>
        </div>
      )}
      <div className="flex justify-end px-6 py-4">
        <Button size="small" variant="secondary" onClick={onSend} isLoading={send.isPending} disabled={send.isPending}>
          Send again
        </Button>
      </div>
    </div>
  )
}
