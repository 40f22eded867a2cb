import { clx, Text } from "@medusajs/ui"
import { dutyBreakdownRows } from "../../lib/labels"
import { formatMoney } from "../../lib/money"
import type { ZonosOrderDetail } from "../../lib/types"

type Line = { label: string; usd: unknown; foreign: unknown; total?: boolean }

/** "-" before a positive decimal string; null stays null. */
function negate(amount: string | null | undefined): string | null {
  return amount ? `-${amount}` : null
}

function asAmount(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null
}

/**
 * What the shopper paid, in USD (what Zonos remits) and in the shopper's own currency,
 * then the duties and taxes Zonos charged, part by part.
 */
export const AmountsSection = ({
  detail,
  discount,
}: {
  detail: ZonosOrderDetail
  discount: { usd: string | null; foreign: string | null } | null
}) => {
  const foreignCode = typeof detail.foreignCurrencyCode === "string" ? detail.foreignCurrencyCode.toUpperCase() : null
  const showForeign = Boolean(foreignCode && foreignCode !== "USD")
  const lines: Line[] = [
    { label: "Items", usd: detail.itemsTotal, foreign: detail.itemsTotalForeign },
    { label: "Shipping", usd: detail.shippingTotal, foreign: detail.shippingTotalForeign },
    {
      label: "Duties and taxes",
      usd: detail.dutyTaxesTotal ?? detail.quotedDutyTaxes,
      foreign: detail.dutyTaxesTotalForeign ?? detail.quotedDutyTaxesForeign,
    },
    // Taken off, so the rows add up to the total. Zonos's itemsTotal already nets its discount
    // items, so this is the rest (the promo code); Medusa's summary shows items gross, discount whole.
    { label: "Discount", usd: negate(discount?.usd), foreign: negate(discount?.foreign) },
    { label: "Total", usd: detail.grandTotal, foreign: detail.grandTotalForeign, total: true },
  ].filter((line) => asAmount(line.usd) !== null || asAmount(line.foreign) !== null)
  const breakdown = dutyBreakdownRows(detail.dutyTaxesBreakdown)
  const columns = showForeign ? "grid-cols-[1fr_auto_auto]" : "grid-cols-[1fr_auto]"

  return (
    <>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="zonos-amounts">
        <div className={clx("text-ui-fg-subtle grid gap-x-4 gap-y-2", columns)}>
          <Text size="small" weight="plus" leading="compact">
            Amounts
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted text-right">
            USD
          </Text>
          {showForeign && (
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted text-right">
              {foreignCode}
            </Text>
          )}
          {lines.length === 0 && (
            <Text size="small" leading="compact" className="col-span-full">
              Zonos sent no amounts for this order.
            </Text>
          )}
          {lines.map((line) => (
            <AmountLine key={line.label} line={line} foreignCode={showForeign ? foreignCode : null} />
          ))}
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="zonos-duties">
        <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
          Duties and taxes breakdown
        </Text>
        {breakdown.length === 0 ? (
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            None charged
          </Text>
        ) : (
          <div className="text-ui-fg-subtle grid grid-cols-[1fr_auto] gap-x-4 gap-y-2">
            {breakdown.map((row) => (
              <div key={row.key} className="contents">
                <Text size="small" leading="compact">
                  {row.label}
                </Text>
                <Text size="small" leading="compact" className="text-right tabular-nums">
                  {formatMoney(row.amount, "USD")}
                </Text>
              </div>
            ))}
          </div>
        )}
      </div>
    </>
  )
}

const AmountLine = ({ line, foreignCode }: { line: Line; foreignCode: string | null }) => {
  const weight = line.total ? "plus" : "regular"
  const tone = line.total ? "text-ui-fg-base" : undefined
  return (
    <>
      <Text size="small" leading="compact" weight={weight} className={tone}>
        {line.label}
      </Text>
      <Text size="small" leading="compact" weight={weight} className={clx("text-right tabular-nums", tone)}>
        {formatMoney(asAmount(line.usd), "USD") ?? "-"}
      </Text>
      {foreignCode && (
        <Text size="small" leading="compact" weight={weight} className={clx("text-right tabular-nums", tone)}>
          {formatMoney(asAmount(line.foreign), foreignCode) ?? "-"}
        </Text>
      )}
    </>
  )
}
