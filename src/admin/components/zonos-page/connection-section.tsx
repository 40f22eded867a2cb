import { FormEvent, useEffect, useState } from "react"
import { ArrowPath } from "@medusajs/icons"
import { Button, Code, Container, Heading, Input, Label, Skeleton, Text, toast } from "@medusajs/ui"
import { useNow } from "../../hooks/use-now"
import { useInvalidateZonos, useRunZonosSweep, useZonosConnection, useZonosSweep } from "../../hooks/zonos"
import { sweepCountsText, sweepPercent, sweepProgressText, sweepWhen } from "../../lib/labels"
import { formatDateTime, formatRelativeTime } from "../../lib/money"
import { errorMessage } from "../../lib/words"
import type { ZonosConnection, ZonosSweep } from "../../lib/types"
import { ConnectionBadge, SweepStatusBadge } from "../badges"
import { LoadError } from "../load-error"
import { SectionRow } from "../section-row"

/**
 * The Zonos page's header: is the store connected (store id and API URL, never the
 * secret), how the last sweep went (live while it runs: n of m orders, counts so far), when the
 * next one runs, "Run sweep now" and a backfill from a date. A sweep answers at once; its
 * progress is polled until it ends, then its result is shown.
 */
export const ConnectionSection = () => {
  const { data, isPending, isError, error, refetch, isRefetching } = useZonosConnection()
  const runSweep = useRunZonosSweep()
  const invalidate = useInvalidateZonos()
  const now = useNow()
  // The sweep this page started and waits for, to tell its result when it ends.
  const [startedSweepId, setStartedSweepId] = useState<string | null>(null)
  const lastSweep = data?.last_sweep ?? null
  const watchedId = startedSweepId ?? (lastSweep?.status === "running" ? lastSweep.id : null)
  const watched = useZonosSweep(watchedId)
  const shownSweep = watched.data && watched.data.id === watchedId ? watched.data : lastSweep

  useEffect(() => {
    const sweep = watched.data
    if (!sweep || sweep.status === "running" || sweep.id !== watchedId) return
    if (sweep.id === startedSweepId) {
      toastSweepResult(sweep)
      setStartedSweepId(null)
    }
    void invalidate({ medusaOrders: true })
  }, [watched.data?.status, watched.data?.id])

  const start = async (body: { since_date?: string }) => {
    try {
      const sweep = await runSweep.mutateAsync(body)
      setStartedSweepId(sweep.id)
      if (sweep.status === "running") {
        toast.info(body.since_date ? `Backfill since ${body.since_date} started` : "Sweep started", {
          description: "Its progress shows under Last sweep.",
        })
      }
    } catch (error) {
      toast.error("Could not run the sweep", { description: errorMessage(error) })
    }
  }
  const busy = runSweep.isPending || shownSweep?.status === "running"

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
          onClick={() => start({})}
          isLoading={runSweep.isPending}
          disabled={busy || isPending}
          data-testid="zonos-run-sweep"
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
        <ConnectionRows data={data} sweep={shownSweep} now={now} />
      )}
      <BackfillForm disabled={busy || isPending} onSubmit={(sinceDate) => start({ since_date: sinceDate })} />
    </Container>
  )
}

function toastSweepResult(sweep: ZonosSweep) {
  const counts = sweepCountsText(sweep.counts)
  if (sweep.status === "succeeded") {
    toast.success("Sweep finished", { description: counts })
  } else {
    toast.warning(sweep.status === "partial" ? "Sweep partly done" : "Sweep failed", {
      description: sweep.error ? `${counts}. ${sweep.error}` : `${counts}. The next sweep tries the rest again.`,
    })
  }
}

/** "Import every Zonos order since": a day (not after today), then a backfill sweep from it. */
const BackfillForm = ({ disabled, onSubmit }: { disabled: boolean; onSubmit: (sinceDate: string) => void }) => {
  const [sinceDate, setSinceDate] = useState("")
  const today = new Date().toISOString().slice(0, 10)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (sinceDate) onSubmit(sinceDate)
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 px-6 py-4 md:flex-row md:items-end" data-testid="zonos-backfill">
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus" htmlFor="zonos-backfill-date">
          Import every Zonos order since
        </Label>
        <Input
          id="zonos-backfill-date"
          type="date"
          size="small"
          max={today}
          value={sinceDate}
          onChange={(event) => setSinceDate(event.target.value)}
        />
      </div>
      <Button size="small" variant="secondary" type="submit" disabled={disabled || !sinceDate}>
        Backfill
      </Button>
      <Text size="small" leading="compact" className="text-ui-fg-subtle md:ml-2">
        Orders already in Medusa are skipped: run it again to finish one that was interrupted.
      </Text>
    </form>
  )
}

/** A running sweep: "12 of 50 orders handled", a bar, and the counts so far. */
const SweepProgress = ({ sweep }: { sweep: ZonosSweep }) => (
  <div className="flex w-full max-w-xs flex-col gap-y-1" data-testid="zonos-sweep-progress">
    <Text size="small" leading="compact">
      {sweepProgressText(sweep)}
    </Text>
    <div className="bg-ui-bg-component h-1.5 w-full overflow-hidden rounded-full">
      <div className="bg-ui-fg-interactive h-full rounded-full transition-all" style={{ width: `${sweepPercent(sweep)}%` }} />
    </div>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {sweepCountsText(sweep.counts)}
    </Text>
  </div>
)

const ConnectionRows = ({ data, sweep, now }: { data: ZonosConnection; sweep: ZonosSweep | null; now: Date }) => {
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
                <SweepProgress sweep={sweep} />
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
