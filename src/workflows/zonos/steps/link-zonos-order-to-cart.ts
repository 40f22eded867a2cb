import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type LinkZonosOrderToCartResult = {
  cart_id: string | null
  /** "linked" now, "already_linked" by an earlier run, "other_order" when the cart has another order. */
  outcome: "linked" | "already_linked" | "other_order" | "no_cart"
}

type Compensation = { order_id: string; cart_id: string; linked: boolean; completed: boolean }
const NOTHING_DONE: Compensation = { order_id: "", cart_id: "", linked: false, completed: false }

/**
 * Links a Zonos order that was checked out from a Medusa cart (the mapping's
 * metadata.medusa_cart_id, rule 9) to that cart the way Medusa's completeCartWorkflow does (the
 * order-cart link, entity "order_cart"), and marks the cart completed. Storefronts then find the order
 * of their cart with `query.graph({ entity: "cart", fields: ["order.id"] })`.
 * Idempotent: an existing link or completion is left as it is.
 */
export const linkZonosOrderToCartStep = createStep(
  "link-zonos-order-to-cart",
  async (input: { order_id: string; cart_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const cartId = input.cart_id
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
    if (!cart) {
      return new StepResponse<LinkZonosOrderToCartResult, Compensation>({ cart_id: null, outcome: "no_cart" }, NOTHING_DONE)
    }

    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["order_id", "cart_id"],
      filters: { cart_id: cartId },
    })
    const linkedTo = links.map((link) => link.order_id)
    let outcome: LinkZonosOrderToCartResult["outcome"] = "already_linked"
    if (!linkedTo.includes(input.order_id)) {
      // A cart has one order: a second Zonos order from the same temp cart stays unlinked.
      outcome = linkedTo.length ? "other_order" : "linked"
    }
    if (outcome === "linked") {
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.ORDER]: { order_id: input.order_id },
        [Modules.CART]: { cart_id: cartId },
      })
    }
    const complete = !cart.completed_at
    if (complete) {
      await container.resolve(Modules.CART).updateCarts([{ id: cartId, completed_at: new Date() }])
    }
    return new StepResponse<LinkZonosOrderToCartResult, Compensation>(
      { cart_id: cartId, outcome },
      { order_id: input.order_id, cart_id: cartId, linked: outcome === "linked", completed: complete }
    )
  },
  async (done, { container }) => {
    if (!done) return
    if (done.linked) {
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
        [Modules.ORDER]: { order_id: done.order_id },
        [Modules.CART]: { cart_id: done.cart_id },
      })
    }
    if (done.completed) {
      await container.resolve(Modules.CART).updateCarts([{ id: done.cart_id, completed_at: null }])
    }
  }
)
