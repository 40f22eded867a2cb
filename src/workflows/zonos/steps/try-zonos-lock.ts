import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { startRenewing, stopRenewing } from "../helpers/keep-lock"

export type TryZonosLockInput = {
  key: string
  /** What the lock is for ("zonos-import"): the start of the owner id this run holds it as. */
  purpose: string
  /** How long to wait for the holder to finish before giving up; 0 = one try. */
  wait_seconds: number
  /**
   * The lock's lifetime: what a holder that dies without releasing it costs everyone else. It is
   * renewed every third of it until releaseZonosLockStep, so the work may take longer.
   */
  ttl_seconds: number
  /** The message the workflow fails with (a MedusaError of type CONFLICT) when the lock stayed held for the whole wait. */
  conflict_message: string
}

/** The lock this run holds: releaseZonosLockStep takes it as it is. */
export type HeldZonosLock = { key: string; owner_id: string }

const RETRY_INTERVAL_MS = 300

/** The step's name: a workflow's errors name the step that failed (a lock held elsewhere). */
export const TRY_ZONOS_LOCK_STEP = "try-zonos-lock"

/**
 * Takes a lock under an owner id of this run's own, or fails the workflow with
 * `conflict_message` when someone else held it for the whole wait (a second sweep; another
 * import of the same order, whose caller answers `processing` and records nothing: the holder
 * is doing the work). The owner is unique per run because Medusa's Redis locking provider gives
 * every caller without one the same owner ("*") and treats a second acquire as re-entrant: two
 * instances would both "hold" the lock. It is made here, in the step, so the compensation and
 * the release see the id the lock was taken with.
 *
 * Medusa's locking providers say "held" differently (Redis: a MedusaError of type CONFLICT;
 * in-memory and Postgres: a plain Error), so the refusal of `acquire` itself is what counts, not
 * its text; only a Medusa error of another type (the module misconfigured, say) is passed on.
 * The lock is renewed while held (keep-lock.ts), and released by releaseZonosLockStep, or by
 * the compensation if a later step fails.
 */
export const tryZonosLockStep = createStep(
  TRY_ZONOS_LOCK_STEP,
  async (input: TryZonosLockInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const lock: HeldZonosLock = { key: input.key, owner_id: `${input.purpose}:${randomUUID()}` }
    const giveUpAt = Date.now() + input.wait_seconds * 1000
    for (;;) {
      try {
        await locking.acquire(lock.key, { ownerId: lock.owner_id, expire: input.ttl_seconds })
        startRenewing(container, { ...lock, ttl_seconds: input.ttl_seconds })
        return new StepResponse(lock, lock)
      } catch (error) {
        if (MedusaError.isMedusaError(error) && error.type !== MedusaError.Types.CONFLICT) {
          throw error
        }
        if (Date.now() + RETRY_INTERVAL_MS > giveUpAt) {
          throw new MedusaError(MedusaError.Types.CONFLICT, input.conflict_message)
        }
      }
      await sleep(RETRY_INTERVAL_MS)
    }
  },
  async (lock, { container }) => {
    if (!lock) return
    await stopRenewing(lock)
    await container.resolve(Modules.LOCKING).release(lock.key, { ownerId: lock.owner_id })
  }
)
