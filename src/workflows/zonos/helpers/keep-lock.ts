import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type HeldLock = { key: string; owner_id: string; ttl_seconds: number }

/** Renewals of the locks this process holds, by key and owner: the timer, and the renewal under way. */
type Renewal = { timer: NodeJS.Timeout; inFlight: Promise<void> | null }
const renewals = new Map<string, Renewal>()
const id = (lock: { key: string; owner_id: string }) => `${lock.key}\u0000${lock.owner_id}`

/**
 * Keeps a lock alive while the work under it runs, however long Zonos takes to answer: every
 * third of its lifetime the holder takes it again with the same owner, which Medusa's locking
 * providers treat as extending the lease (in-memory and Redis re-enter for the same owner and
 * reset the expiry). The lease itself stays short, so a holder that dies (and its timers with
 * it) frees the lock within `ttl_seconds`. A failed renewal is logged, not thrown: each order
 * is still guarded by its own lock and by adopt-before-create.
 */
export function startRenewing(container: MedusaContainer, lock: HeldLock): void {
  clearRenewal(lock)
  const locking = container.resolve(Modules.LOCKING)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const every = Math.max(1000, Math.floor((lock.ttl_seconds * 1000) / 3))
  const renewal: Renewal = {
    timer: setInterval(() => {
      renewal.inFlight = locking
        .acquire(lock.key, { ownerId: lock.owner_id, expire: lock.ttl_seconds })
        .catch((error: unknown) => {
          logger.warn(
            `medusa-plugin-zonos: could not renew the lock "${lock.key}": ${error instanceof Error ? error.message : String(error)}`
          )
        })
        .finally(() => {
          renewal.inFlight = null
        })
    }, every),
    inFlight: null,
  }
  renewal.timer.unref()
  renewals.set(id(lock), renewal)
}

/**
 * Stops renewing, and waits for a renewal already sent: "take it again" on a lock released
 * meanwhile would take it anew, and leave it held by no one for a whole lifetime.
 */
export async function stopRenewing(lock: { key: string; owner_id: string }): Promise<void> {
  const inFlight = clearRenewal(lock)
  if (inFlight) await inFlight
}

function clearRenewal(lock: { key: string; owner_id: string }): Promise<void> | null {
  const renewal = renewals.get(id(lock))
  if (!renewal) return null
  clearInterval(renewal.timer)
  renewals.delete(id(lock))
  return renewal.inFlight
}
