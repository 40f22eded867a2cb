import { z } from "@medusajs/framework/zod"

export const StoreStartZonosCheckout = z.object({
  cart_id: z.string({ error: "cart_id is required" }).trim().min(1, "cart_id is required").max(64, "cart_id is not a cart id"),
})
export type StoreStartZonosCheckoutType = z.infer<typeof StoreStartZonosCheckout>
