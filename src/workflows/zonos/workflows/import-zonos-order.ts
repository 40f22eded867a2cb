import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeZonosOrderId } from "../../../modules/zonos/client"
import { ImportZonosOrderInput, importZonosOrderUnderLockWorkflow, ZonosImportRun } from "./import-zonos-order-under-lock"
import { createLockOwnerStep } from "../steps/create-lock-owner"
import { getBusyZonosImportResultStep } from "../steps/get-busy-zonos-import-result"
import { releaseZonosLockStep } from "../steps/release-zonos-lock"
import { tryZonosLockStep } from "../steps/try-zonos-lock"

export type { ImportZonosOrderInput, ZonosImportRun } from "./import-zonos-order-under-lock"

export const IMPORT_ZONOS_ORDER_WORKFLOW = "import-zonos-order"

/** Seconds to wait for another import of the same order to finish. */
export const ZONOS_IMPORT_LOCK_WAIT_SECONDS = 30
/**
 * The order lock's lifetime: what a process killed mid-import costs the others (after it, the
 * lock is free and the next import finishes what the dead one left, create-medusa-order-from-zonos).
 * Above what an import usually takes (one orderDetail read, a few hundred milliseconds of Medusa
 * work, one write-back), and renewed while it runs, so a slow Zonos (up to
 * timeoutMs x (maxRetries + 1) per call) never lets a second import in beside a live one.
 */
export const ZONOS_IMPORT_LOCK_TTL_SECONDS = 60

/**
 * Imports one Zonos order into Medusa, exactly once, under a lock on its normalised Zonos id
 * (the success page, the sweep and the admin never import the same order at the same time;
 * across instances with a Redis or Postgres locking provider). An import that finds the lock
 * held after waiting answers `processing` and records nothing: the holder is doing the work.
 */
export const importZonosOrderWorkflow = createWorkflow(IMPORT_ZONOS_ORDER_WORKFLOW, (input: ImportZonosOrderInput) => {
  const lockKey = transform({ input }, ({ input }) => `zonos-order:${normalizeZonosOrderId(input.zonos_order_id)}`)
  const lockOwner = createLockOwnerStep({ purpose: "zonos-import" })
  const lock = tryZonosLockStep({
    key: lockKey,
    owner_id: lockOwner,
    wait_seconds: ZONOS_IMPORT_LOCK_WAIT_SECONDS,
    ttl_seconds: ZONOS_IMPORT_LOCK_TTL_SECONDS,
  })

  const imported = when("zonos-order-lock-taken", { lock }, ({ lock }) => lock.acquired).then(() => {
    const run = importZonosOrderUnderLockWorkflow.runAsStep({ input })
    releaseZonosLockStep({ key: lockKey, owner_id: lockOwner })
    return run
  })
  const busy = when("zonos-order-lock-held-elsewhere", { lock }, ({ lock }) => !lock.acquired).then(() =>
    getBusyZonosImportResultStep(transform({ input }, ({ input }) => ({ zonos_order_id: input.zonos_order_id })))
  )

  return new WorkflowResponse(
    transform({ imported, busy }, ({ imported, busy }): ZonosImportRun => {
      const run = imported ?? busy
      if (!run) throw new Error("The import neither ran nor found its lock held")
      return run
    })
  )
})
