import { Alert, Button, Container, Copy, Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useCheckZonosOrder, useZonosOrder } from "../../hooks/zonos"
import { holdReasonHint, holdReasonText, isMerchantReleasable, paymentFacts } from "../../lib/labels"
import { formatRelativeTime } from "../../lib/money"
import { checkOutcomeText, failureText } from "../../lib/outcome-texts"
import { errorMessage } from "../../lib/words"
import type { ZonosOrderFull, ZonosUnreservedLine } from "../../lib/types"
import { ImportStateBadge, TestOrderBadge, ZonosStatusBadge } from "../badges"
import { ReleaseHoldPrompt } from "../release-hold-prompt"
import { SectionRow } from "../section-row"
import { AmountsSection } from "./amounts-section"
import { HistorySection } from "./history-section"
import type { OrderSectionProps } from "./order-section-props"
import { ShippingSection } from "./shipping-section"

/**
 * The Zonos side panel of a Medusa order imported from Zonos: ids, status, hold, amounts,
 * duties, payment, tracking and history, with "Check with Zonos now" and "Release hold".
 */
export const ZonosOrderPanel = ({
  zonosOrderLabel,
  unreservedLines = [],
}: {
  zonosOrderLabel: string
  unreservedLines?: ZonosUnreservedLine[]
}) => {
  const { data: record, isPending, isError, error, refetch, isRefetching } = useZonosOrder(zonosOrderLabel)

  return (
    <Container className="divide-y p-0" data-testid="zonos-order-panel">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">Zonos</Heading>
        {record ? (
          <div className="flex items-center gap-x-2">
            {record.test_order && <TestOrderBadge />}
            <ImportStateBadge state={record.state} />
          </div>
        ) : (
          isPending && <Skeleton className="h-5 w-20" />
        )}
      </div>
      {isPending ? (
        <PanelSkeleton />
      ) : isError || !record ? (
        <div className="flex flex-col items-start gap-y-3 px-6 py-4">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {(error as { status?: number } | null)?.status === 404
              ? `This store has no record of Zonos order ${zonosOrderLabel}. Import it from the Zonos page.`
              : `Could not load the Zonos details: ${errorMessage(error)}`}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isRefetching}>
            Try again
          </Button>
        </div>
      ) : (
        <PanelBody record={record} zonosOrderLabel={zonosOrderLabel} unreservedLines={unreservedLines} />
      )}
    </Container>
  )
}

const PanelBody = ({ record, zonosOrderLabel, unreservedLines }: OrderSectionProps) => {
  const detail = record.order_detail ?? {}
  const payment = paymentFacts(detail.paymentProcessing)
  // Zonos's own record of it, else what the plugin has sent (orderDetail is only re-read now and then).
  const tracking =
    typeof detail.trackingNumber === "string" && detail.trackingNumber.trim()
      ? detail.trackingNumber
      : record.shipment_sync?.tracking_numbers?.join(", ") || null

  return (
    <>
      <StateNotice record={record} />
      <SectionRow
        title="Zonos order"
        value={
          <span className="flex items-center gap-x-1">
            <Text size="small" leading="compact" data-testid="zonos-order-id">
              {zonosOrderLabel}
            </Text>
            <Copy content={zonosOrderLabel} className="text-ui-fg-muted" />
          </span>
        }
      />
      <SectionRow
        title="Reference"
        value={
          record.reference_id ? (
            <span className="flex min-w-0 items-center gap-x-1">
              <Text size="small" leading="compact" className="truncate" title={record.reference_id}>
                {record.reference_id}
              </Text>
              <Copy content={record.reference_id} className="text-ui-fg-muted" />
            </span>
          ) : (
            "-"
          )
        }
      />
      <SectionRow title="Zonos status" value={<ZonosStatusBadge status={record.zonos_status} />} />
      <SectionRow
        title="Payment"
        alignTop
        value={
          payment.card || payment.gateway ? (
            <div className="flex flex-col">
              <Text size="small" leading="compact">
                {payment.card ?? "Card not given"}
              </Text>
              {payment.gateway && (
                <Text size="small" leading="compact" className="text-ui-fg-muted">
                  via {payment.gateway}
                </Text>
              )}
            </div>
          ) : (
            "-"
          )
        }
      />
      <SectionRow title="Tracking number" value={tracking ?? "Not shipped yet"} />
      <ShippingSection record={record} zonosOrderLabel={zonosOrderLabel} unreservedLines={unreservedLines} />
      <AmountsSection detail={detail} discount={record.panel_discount ?? null} />
      <HistorySection entries={record.history?.entries} />
      <PanelActions record={record} zonosOrderLabel={zonosOrderLabel} />
    </>
  )
}

/** The hold, failure or disagreement, in words and with what to do. */
const StateNotice = ({ record }: { record: ZonosOrderFull }) => {
  if (record.state === "held") {
    return (
      <div className="px-6 py-4" data-testid="zonos-hold">
        <Alert variant="warning">
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base">
              {holdReasonText(record.hold_reason)}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {holdReasonHint(record.hold_reason)}
            </Text>
          </div>
        </Alert>
      </div>
    )
  }
  if (record.state === "failed" || record.state === "needs_attention") {
    return (
      <div className="px-6 py-4" data-testid="zonos-problem">
        <Alert variant="error">
          <Text size="small" leading="compact" className="text-ui-fg-base break-words">
            {record.state === "failed"
              ? failureText(record.last_error, record.attempts)
              : record.last_error ?? "Zonos and Medusa disagree about this order: check it by hand."}
          </Text>
        </Alert>
      </div>
    )
  }
  if (record.state === "cancelled") {
    return (
      <div className="px-6 py-4">
        <Alert variant="info">
          <Text size="small" leading="compact" className="text-ui-fg-base">
            Zonos cancelled this order. Do not ship it.
          </Text>
        </Alert>
      </div>
    )
  }
  return null
}

const PanelActions = ({ record, zonosOrderLabel }: { record: ZonosOrderFull; zonosOrderLabel: string }) => {
  const check = useCheckZonosOrder()
  const releasable = record.state === "held" && isMerchantReleasable(record.hold_reason)

  const onCheck = async () => {
    try {
      const result = await check.mutateAsync(zonosOrderLabel)
      const text = checkOutcomeText({ ...result, zonos_order_number: zonosOrderLabel })
      toast[text.tone](text.title, { description: text.description })
    } catch (error) {
      toast.error("Could not check with Zonos", { description: errorMessage(error) })
    }
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
        {record.last_checked_at
          ? `Last read from Zonos ${formatRelativeTime(record.last_checked_at)}`
          : "Not read from Zonos yet"}
      </Text>
      <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
        {releasable && <ReleaseHoldPrompt zonosOrderLabel={zonosOrderLabel} holdReason={record.hold_reason} />}
        <Button size="small" variant="secondary" onClick={onCheck} isLoading={check.isPending} disabled={check.isPending}>
          Check with Zonos now
        </Button>
      </div>
    </div>
  )
}

const PanelSkeleton = () => (
  <>
    {[0, 1, 2, 3, 4].map((row) => (
      <div key={row} className="grid grid-cols-2 items-center gap-4 px-6 py-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-32" />
      </div>
    ))}
  </>
)
