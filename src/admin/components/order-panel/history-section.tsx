import { Text } from "@medusajs/ui"
import { historyEventText, historySourceLabel, recentHistory } from "../../lib/labels"
import { formatDateTime } from "../../lib/money"
import type { ZonosHistoryEntry } from "../../lib/types"

/** What happened to the order and where it came from (success page, sweep, admin), newest first. */
export const HistorySection = ({ entries }: { entries: ZonosHistoryEntry[] | null | undefined }) => {
  const recent = recentHistory(entries, 12)
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="zonos-history">
      <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
        Import history
      </Text>
      {recent.length === 0 ? (
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          Nothing recorded yet
        </Text>
      ) : (
        <ol className="flex flex-col gap-y-3">
          {recent.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="grid grid-cols-[12px_1fr] items-start gap-x-2">
              <div className="flex h-5 items-center justify-center">
                <span
                  className={
                    index === 0
                      ? "bg-ui-fg-interactive size-1.5 rounded-full"
                      : "bg-ui-border-strong size-1.5 rounded-full"
                  }
                />
              </div>
              <div className="flex min-w-0 flex-col">
                <Text size="small" leading="compact" className="text-ui-fg-base break-words">
                  {historyEventText(entry)}
                </Text>
                {entry.detail && (
                  <Text size="small" leading="compact" className="text-ui-fg-subtle break-words">
                    {entry.detail}
                  </Text>
                )}
                <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                  {formatDateTime(entry.at)} · {historySourceLabel(entry.source)}
                </Text>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
