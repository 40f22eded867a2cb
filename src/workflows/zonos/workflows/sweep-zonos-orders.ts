import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_SWEEP_RUNNING } from "../../../modules/zonos/zonos-order-states"
import { closeDeadZonosSweepsStep } from "../steps/close-dead-zonos-sweeps"
import { collectZonosSweepWorkStep } from "../steps/collect-zonos-sweep-work"
import { emitZonosSweepOrdersStep } from "../steps/emit-zonos-sweep-orders"
import { finishZonosSweepIfDoneStep } from "../steps/finish-zonos-sweep-if-done"
import { getZonosSweepStep } from "../steps/get-zonos-sweep"
import { recordZonosSweepWorkStep } from "../steps/record-zonos-sweep-work"
import { releaseZonosLockStep } from "../steps/release-zonos-lock"
import { retryZonosShipmentUpdatesStep } from "../steps/retry-zonos-shipment-updates"
import { startZonosSweepStep, StartZonosSweepInput } from "../steps/start-zonos-sweep"
import { tryZonosLockStep } from "../steps/try-zonos-lock"

export const SWEEP_ZONOS_ORDERS_WORKFLOW = "sweep-zonos-orders"
export const ZONOS_SWEEP_LOCK_KEY = "zonos-sweep"
export { ZONOS_SWEEP_RUNNING }
/**
 * The sweep lock's lifetime. Short, because it is what a sweep whose process died while listing
 * costs the next one; it is renewed every 20 s until the orders are handed out (keep-lock.ts).
 */
export const ZONOS_SWEEP_LOCK_TTL_SECONDS = 60

/**
 * Starts the reconciliation sweep and returns at once, with the sweep `running`: asks Zonos for
 * every order since the last good sweep (or since a backfill's date), works out what is missing
 * (new orders, failed imports due a retry, held orders and changed statuses to re-read, failed
 * write-backs), records one row per order (the sweep's `total`) and hands each to the event bus,
 * so every worker process takes a share (handleZonosSweepOrder). The worker that handles the last
 * order ends the sweep. One sweep at a time: a second one fails fast with a CONFLICT
 * (ZONOS_SWEEP_RUNNING) while one lists under the lock or still has orders with the workers;
 * each order still takes its own import lock. A sweep left `running` by processes that died is
 * closed first (closeDeadZonosSweepsStep).
 */
export const sweepZonosOrdersWorkflow = createWorkflow(SWEEP_ZONOS_ORDERS_WORKFLOW, (input: StartZonosSweepInput) => {
  const lock = tryZonosLockStep({
    key: ZONOS_SWEEP_LOCK_KEY,
    purpose: "zonos-sweep",
    wait_seconds: 0,
    ttl_seconds: ZONOS_SWEEP_LOCK_TTL_SECONDS,
    conflict_message: ZONOS_SWEEP_RUNNING,
  })
  closeDeadZonosSweepsStep()
  const started = startZonosSweepStep(input)
  const work = collectZonosSweepWorkStep(
    transform({ started, input }, ({ started, input }) => ({
      since_date: started.since_date,
      // A merchant's "Run sweep now" (or backfill) retries every failure at once; the schedule keeps the backoff.
      retry_now: input.trigger === "admin" || input.trigger === "backfill",
    }))
  )
  retryZonosShipmentUpdatesStep()
  const recorded = recordZonosSweepWorkStep(
    transform({ started, work }, ({ started, work }) => ({ sweep_id: started.sweep_id, work }))
  )
  releaseZonosLockStep(lock)
  emitZonosSweepOrdersStep(recorded)
  const sweepId = transform({ started }, ({ started }) => ({ sweep_id: started.sweep_id }))
  finishZonosSweepIfDoneStep(sweepId)
  const sweep = getZonosSweepStep(sweepId)
  return new WorkflowResponse(sweep)
})
