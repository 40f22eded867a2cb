import { z } from "@medusajs/framework/zod"

/** `?cart_id=cart_...`: the cart the storefront sent to Zonos Checkout (its `referenceId`). */
export const StoreZonosOrderOfCart = z.object({
  cart_id: z
    .string({ error: "cart_id is required: the id of the cart sent to Zonos Checkout" })
    .trim()
    .min(1, "cart_id is required: the id of the cart sent to Zonos Checkout")
    .max(64, "cart_id is not a cart id"),
})
export type StoreZonosOrderOfCartType = z.infer<typeof StoreZonosOrderOfCart>
