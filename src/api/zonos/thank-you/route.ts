import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const MESSAGES: Record<string, string> = {
  imported: "Thank you! Your order is confirmed.",
  on_hold: "Thank you! Your order is being reviewed and will be confirmed shortly.",
  cancelled: "This order was cancelled. Please contact the store.",
  processing: "Thank you! We are still processing your order; you will receive a confirmation shortly.",
}

/**
 * A minimal landing page for stores without a storefront page of their own (the default
 * `storefrontSuccessUrl`). Real stores point that option at their storefront.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const outcome = typeof req.query.outcome === "string" ? req.query.outcome : "processing"
  const message = MESSAGES[outcome] ?? MESSAGES.processing
  res
    .status(200)
    .type("html")
    .send(`<!doctype html><html><head><meta charset="utf-8"><title>Order received</title></head><body><p>${message}</p></body></html>`)
}
