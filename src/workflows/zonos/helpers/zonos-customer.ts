import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Seconds to wait for another import making the same customer, and the lock's lifetime. */
const LOCK_WAIT_SECONDS = 10
const LOCK_TTL_SECONDS = 15

/**
 * The customer an imported order belongs to, found or created under a lock on the email.
 *
 * createOrderWorkflow finds or creates the customer by email itself, but not atomically: two
 * orders of one shopper imported at once (the sweep runs several imports in parallel, and repeat
 * shoppers are common) both find no customer, both create one, and the second fails with
 * "Customer with email ... already exists". Serialising the find-or-create by email, and handing
 * createOrderWorkflow the id, removes the race. A registered customer is preferred over a guest.
 *
 * Nothing undoes it: another order may already use a guest customer made here, and an unused
 * guest customer costs nothing.
 */
export async function findOrCreateZonosCustomer(container: MedusaContainer, email: string): Promise<string> {
  const customers = container.resolve(Modules.CUSTOMER)
  const locking = container.resolve(Modules.LOCKING)
  const normalised = email.trim().toLowerCase()
  return locking.execute(
    `zonos-customer:${normalised}`,
    async () => {
      const found = await customers.listCustomers({ email: normalised }, { take: 10 })
      const chosen = found.find((customer) => customer.has_account) ?? found[0]
      if (chosen) return chosen.id
      const created = await customers.createCustomers({ email: normalised })
      return created.id
    },
    { timeout: LOCK_WAIT_SECONDS, expire: LOCK_TTL_SECONDS }
  )
}
