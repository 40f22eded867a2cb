import { ArrowPath } from "@medusajs/icons"
import { Button, Code, Container, Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useNow } from "../../hooks/use-now"
import { useRunZonosSweep, useZonosConnection } from "../../hooks/zonos"
import { sweepCountsText, sweepWhen } from "../../lib/labels"
import { formatDateTime, formatRelativeTime } from "../../lib/money"
import { errorMessage } from "../../lib/words"
import type { ZonosConnection } from "../../lib/types"
import { ConnectionBadge, SweepStatusBadge } from "../badges"
import { LoadError } from "../load-error"
import { SectionRow } from "../section-row"

/**
 * The Zonos page's header: is the store connected (store id and API URL, never the
 * secret), how the last sweep went, when the next one runs, and "Run sweep now".
 */
export const ConnectionSection = () => {
  const { data, isPending, isError, error, refetch, isRefetching } = useZonosConnection()
  const runSweep = useRunZonosSweep()
  const now = useNow()

  const onRunSweep = async () => {
    try {
      const sweep = await runSweep.mutateAsync()
      const counts = sweepCountsText(sweep.counts)
      if (sweep.status === "succeeded") {
        toast.success("Sweep finished", { description: counts })
      } else {
        toast.warning(sweep.status === "partial" ? "Sweep partly done" : "Sweep failed", {
          description: sweep.error ? `${counts}. ${sweep.error}` : `${counts}. The next sweep tries the rest again.`,
        })
      }
    } catch (error) {
      toast.error("Could not run the sweep", { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="zonos-connection">
      <div className="flex flex-col items-start justify-between gap-4 px-6 py-4 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading>Zonos</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders paid through Zonos Checkout, imported into this store.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={onRunSweep}
          isLoading={runSweep.isPending}
          disabled={runSweep.isPending || isPending}
        >
          <ArrowPath />
          Run sweep now
        </Button>
      </div>
      {isPending ? (
        <RowsSkeleton />
      ) : isError || !data ? (
        <LoadError what="the Zonos settings" error={error} onRetry={() => refetch()} retrying={isRefetching} />
      ) : (
        <ConnectionRows data={data} now={now} />
      )}
    </Container>
  )
}

const ConnectionRows = ({ data, now }: { data: ZonosConnection; now: Date }) => {
  const sweep = data.last_sweep
  return (
    <>
      <SectionRow
        title="Connection"
        alignTop
        value={
          <div className="flex flex-col items-start gap-y-1">
            <ConnectionBadge status={data.status} />
            {data.status !== "connected" && (
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {data.message}
                {data.status === "invalid_credentials"
                  ? ". Check ZONOS_STORE_ID and ZONOS_SECRET in the server's environment."
                  : ". The sweep retries on its own once Zonos answers."}
              </Text>
            )}
          </div>
        }
      />
      {data.region_warning && (
        <SectionRow
          title="Regions"
          alignTop
          testId="zonos-region-warning"
          value={
            <Text size="small" leading="compact" className="text-ui-fg-error">
              {data.region_warning} (Settings, Regions).
            </Text>
          }
        />
      )}
      <SectionRow title="Store ID" value={data.store_id} testId="zonos-store-id" />
      <SectionRow title="API URL" value={data.api_url} />
      <SectionRow
        title="Last sweep"
        alignTop
        testId="zonos-last-sweep"
        value={
          sweep ? (
            <div className="flex flex-col items-start gap-y-1">
              <div className="flex items-center gap-x-2">
                <SweepStatusBadge status={sweep.status} />
                <Text size="small" leading="compact" title={formatDateTime(sweep.finished_at ?? sweep.started_at)}>
                  {sweepWhen(sweep, now)}
                </Text>
              </div>
              {sweep.status === "running" ? (
                <Text size="small" leading="compact" className="text-ui-fg-subtle">
                  In progress: its counts appear when it ends
                </Text>
              ) : (
                <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="zonos-sweep-counts">
                  {sweepCountsText(sweep.counts)}
                </Text>
              )}
              {sweep.error && (
                <Text size="small" leading="compact" className="text-ui-fg-error break-words">
                  {sweep.error}
                </Text>
              )}
            </div>
          ) : (
            "No sweep has run yet"
          )
        }
      />
      <SectionRow
        title="Next sweep"
        alignTop
        value={
          <div className="flex flex-col items-start gap-y-1">
            <Text size="small" leading="compact" title={formatDateTime(data.next_sweep_at)}>
              {data.next_sweep_at
                ? `${formatRelativeTime(data.next_sweep_at, now)} (${formatDateTime(data.next_sweep_at)})`
                : "Not scheduled"}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Schedule <Code>{data.sweep_schedule}</Code>
            </Text>
          </div>
        }
      />
    </>
  )
}

const RowsSkeleton = () => (
  <>
    {[0, 1, 2, 3, 4].map((row) => (
      <div key={row} className="grid grid-cols-2 items-center gap-4 px-6 py-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-48" />
      </div>
    ))}
  </>
)
