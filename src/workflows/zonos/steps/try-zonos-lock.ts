import { setTimeout as sleep } from "node:timers/promises"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { startRenewing, stopRenewing } from "../helpers/keep-lock"

export type TryZonosLockInput = {
  key: string
  owner_id: string
  /** How long to wait for the holder to finish before giving up; 0 = one try. */
  wait_seconds: number
  /**
   * The lock's lifetime: what a holder that dies without releasing it costs everyone else. It is
   * renewed every third of it until releaseZonosLockStep, so the work may take longer.
   */
  ttl_seconds: number
  /**
   * Fail the workflow with this message (a MedusaError of type CONFLICT) instead of reporting
   * the lock as held: for a caller that has nothing useful to do without it (a second sweep).
   */
  conflict_message?: string
}

export type ZonosLockAttempt = { acquired: boolean; key: string; owner_id: string }

const RETRY_INTERVAL_MS = 300

/** The step's name: a workflow's errors name the step that failed (a lock held elsewhere, with conflict_message). */
export const TRY_ZONOS_LOCK_STEP = "try-zonos-lock"

/**
 * Takes a lock, or reports that someone else holds it, without failing the workflow: a held
 * lock is not an error of the import (another import of the same order is running; its caller
 * answers `processing`, and nothing is recorded as a failure with backoff). Medusa's locking
 * providers say "held" differently (Redis: a MedusaError of type CONFLICT; in-memory and
 * Postgres: a plain Error), so the refusal of `acquire` itself is what counts, not its text; only
 * a Medusa error of another type (the module misconfigured, say) is passed on.
 * The lock is renewed while held (locking/keep-lock.ts), and released by releaseZonosLockStep,
 * or by the compensation if a later step fails.
 */
export const tryZonosLockStep = createStep(
  TRY_ZONOS_LOCK_STEP,
  async (input: TryZonosLockInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const giveUpAt = Date.now() + input.wait_seconds * 1000
    for (;;) {
      try {
        await locking.acquire(input.key, { ownerId: input.owner_id, expire: input.ttl_seconds })
        startRenewing(container, { key: input.key, owner_id: input.owner_id, ttl_seconds: input.ttl_seconds })
        const attempt: ZonosLockAttempt = { acquired: true, key: input.key, owner_id: input.owner_id }
        return new StepResponse(attempt, attempt)
      } catch (error) {
        if (MedusaError.isMedusaError(error) && error.type !== MedusaError.Types.CONFLICT) {
          throw error
        }
        if (Date.now() + RETRY_INTERVAL_MS > giveUpAt) {
          if (input.conflict_message) {
            throw new MedusaError(MedusaError.Types.CONFLICT, input.conflict_message)
          }
          const attempt: ZonosLockAttempt = { acquired: false, key: input.key, owner_id: input.owner_id }
          return new StepResponse(attempt, attempt)
        }
      }
      await sleep(RETRY_INTERVAL_MS)
    }
  },
  async (attempt, { container }) => {
    if (!attempt?.acquired) return
    await stopRenewing(attempt)
    await container.resolve(Modules.LOCKING).release(attempt.key, { ownerId: attempt.owner_id })
  }
)
