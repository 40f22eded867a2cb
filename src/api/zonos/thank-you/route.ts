import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * A minimal landing page for stores without a storefront page of their own (the default
 * `storefrontSuccessUrl`). It says the same to everyone: the success page's redirect carries no
 * outcome, since anyone can produce it. Real stores point that option at their storefront, which
 * shows the order it finds by its cart.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res
    .status(200)
    .type("html")
    .send(
      '<!doctype html><html><head><meta charset="utf-8"><title>Order received</title></head>' +
        "<body><p>Thank you! Your order has been received; you will receive a confirmation by email.</p></body></html>"
    )
}
