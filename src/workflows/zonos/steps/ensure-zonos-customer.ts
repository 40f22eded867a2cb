import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Seconds to wait for another import making the same customer, and the lock's lifetime. */
const LOCK_WAIT_SECONDS = 10
const LOCK_TTL_SECONDS = 15

export type EnsureZonosCustomerInput = {
  email: string
  /** The checkout cart's customer, when the order came from a cart: the order is theirs. */
  customer_id?: string
}

/**
 * The customer an imported order belongs to, found or created under a lock on the email.
 *
 * createOrderWorkflow finds or creates the customer by email itself, but not atomically: two
 * orders of one shopper imported at once (the sweep runs several imports in parallel, and repeat
 * shoppers are common) both find no customer, both create one, and the second fails with
 * "Customer with email ... already exists". Serialising the find-or-create by email, and handing
 * createOrderWorkflow the id, removes the race. A registered customer is preferred over a guest;
 * a checkout cart's customer is kept as it is.
 *
 * No compensation: another order may already use a guest customer made here, and an unused guest
 * customer costs nothing.
 */
export const ensureZonosCustomerStep = createStep(
  "ensure-zonos-customer",
  async (input: EnsureZonosCustomerInput, { container }) => {
    if (input.customer_id) {
      return new StepResponse({ customer_id: input.customer_id })
    }
    const customers = container.resolve(Modules.CUSTOMER)
    const locking = container.resolve(Modules.LOCKING)
    const email = input.email.trim().toLowerCase()
    const customerId = await locking.execute(
      `zonos-customer:${email}`,
      async () => {
        const found = await customers.listCustomers({ email }, { take: 10 })
        const chosen = found.find((customer) => customer.has_account) ?? found[0]
        if (chosen) return chosen.id
        const created = await customers.createCustomers({ email })
        return created.id
      },
      { timeout: LOCK_WAIT_SECONDS, expire: LOCK_TTL_SECONDS }
    )
    return new StepResponse({ customer_id: customerId })
  }
)
