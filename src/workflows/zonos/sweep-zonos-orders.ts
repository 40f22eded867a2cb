import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { collectZonosSweepWorkStep } from "./steps/collect-zonos-sweep-work"
import { createLockOwnerStep } from "./steps/create-lock-owner"
import { finishZonosSweepStep } from "./steps/finish-zonos-sweep"
import { runZonosSweepImportsStep } from "./steps/run-zonos-sweep-imports"
import { retryZonosShipmentUpdatesStep } from "./steps/retry-zonos-shipment-updates"
import { startZonosSweepStep } from "./steps/start-zonos-sweep"

export const SWEEP_ZONOS_ORDERS_WORKFLOW = "sweep-zonos-orders"
export const ZONOS_SWEEP_LOCK_KEY = "zonos-sweep"

/**
 * The reconciliation sweep: asks Zonos for every order since the last good sweep, imports
 * what is missing, re-reads held orders and orders whose status changed, retries failed
 * imports and write-backs, and records the run. One sweep at a time (a second one fails
 * fast with "Failed to acquire lock"); each order still takes its own import lock.
 */
export const sweepZonosOrdersWorkflow = createWorkflow(SWEEP_ZONOS_ORDERS_WORKFLOW, (input: { trigger: string }) => {
  const lockOwner = createLockOwnerStep({ purpose: "zonos-sweep" })
  acquireLockStep({ key: ZONOS_SWEEP_LOCK_KEY, ownerId: lockOwner, timeout: 0, ttl: 30 * 60 })
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
  releaseLockStep({ key: ZONOS_SWEEP_LOCK_KEY, ownerId: lockOwner })
  return new WorkflowResponse(sweep)
})
