import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeDeadZonosSweepsStep } from "../steps/close-dead-zonos-sweeps"
import { collectZonosSweepWorkStep } from "../steps/collect-zonos-sweep-work"
import { createLockOwnerStep } from "../steps/create-lock-owner"
import { finishZonosSweepStep } from "../steps/finish-zonos-sweep"
import { releaseZonosLockStep } from "../steps/release-zonos-lock"
import { runZonosSweepImportsStep } from "../steps/run-zonos-sweep-imports"
import { retryZonosShipmentUpdatesStep } from "../steps/retry-zonos-shipment-updates"
import { startZonosSweepStep } from "../steps/start-zonos-sweep"
import { tryZonosLockStep } from "../steps/try-zonos-lock"

export const SWEEP_ZONOS_ORDERS_WORKFLOW = "sweep-zonos-orders"
export const ZONOS_SWEEP_LOCK_KEY = "zonos-sweep"
/** The message of the CONFLICT a second sweep fails with while one runs. */
export const ZONOS_SWEEP_RUNNING = "A sweep is already running; try again when it ends"
/**
 * The sweep lock's lifetime. Short, because it is what a sweep whose process died costs the
 * next one; the running sweep renews it every 20 s until it ends (locking/keep-lock.ts).
 */
export const ZONOS_SWEEP_LOCK_TTL_SECONDS = 60

/**
 * The reconciliation sweep: asks Zonos for every order since the last good sweep, imports
 * what is missing, re-reads held orders and orders whose status changed, retries failed
 * imports and write-backs, and records the run. One sweep at a time: a second one fails fast
 * with a CONFLICT (ZONOS_SWEEP_RUNNING); each order still takes its own import lock. The first
 * thing a sweep does under the lock is close the sweeps a dead process left `running`.
 */
export const sweepZonosOrdersWorkflow = createWorkflow(SWEEP_ZONOS_ORDERS_WORKFLOW, (input: { trigger: string }) => {
  const lockOwner = createLockOwnerStep({ purpose: "zonos-sweep" })
  tryZonosLockStep({
    key: ZONOS_SWEEP_LOCK_KEY,
    owner_id: lockOwner,
    wait_seconds: 0,
    ttl_seconds: ZONOS_SWEEP_LOCK_TTL_SECONDS,
    conflict_message: ZONOS_SWEEP_RUNNING,
  })
  closeDeadZonosSweepsStep()
  const started = startZonosSweepStep(input)
  const work = collectZonosSweepWorkStep(
    transform({ started, input }, ({ started, input }) => ({
      since_date: started.since_date,
      // A merchant's "Run sweep now" retries every failure at once; the schedule keeps the backoff.
      retry_now: input.trigger === "admin",
    }))
  )
  const outcome = runZonosSweepImportsStep({ work })
  retryZonosShipmentUpdatesStep()
  const sweep = finishZonosSweepStep(
    transform({ started, work, outcome }, ({ started, work, outcome }) => ({
      sweep_id: started.sweep_id,
      since_date: started.since_date,
      listing_error: work.listing_error,
      listed: work.listed,
      outcome,
    }))
  )
  releaseZonosLockStep({ key: ZONOS_SWEEP_LOCK_KEY, owner_id: lockOwner })
  return new WorkflowResponse(sweep)
})
