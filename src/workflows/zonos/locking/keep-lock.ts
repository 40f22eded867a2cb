import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type HeldLock = { key: string; owner_id: string; ttl_seconds: number }

/**
 * Keeps a lock alive while long work runs under it: every third of its lifetime, the holder
 * takes it again with the same owner, which every Medusa locking provider treats as extending
 * the lease (in-memory and Redis re-enter for the same owner and reset the expiry). The lease
 * itself stays short, so a holder that dies frees the lock within `ttl_seconds`. A renewal that
 * fails is logged, not thrown: the work under the lock is still safe, each order having its own.
 * Returns the function that stops the renewals.
 */
export function keepLock(container: MedusaContainer, lock: HeldLock): () => void {
  const locking = container.resolve(Modules.LOCKING)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const every = Math.max(1000, Math.floor((lock.ttl_seconds * 1000) / 3))
  const timer = setInterval(() => {
    locking.acquire(lock.key, { ownerId: lock.owner_id, expire: lock.ttl_seconds }).catch((error: unknown) => {
      logger.warn(
        `medusa-plugin-zonos: could not renew the lock "${lock.key}": ${error instanceof Error ? error.message : String(error)}`
      )
    })
  }, every)
  timer.unref()
  return () => clearInterval(timer)
}
