/** What the shopper's storefront learns about the import. */
export type ShopperOutcome = "imported" | "on_hold" | "cancelled" | "processing"

const PLACEHOLDER_ORIGIN = "http://placeholder.invalid"

/**
 * The storefront URL the success page redirects to, with `order_id`, `zonos_order_id` and
 * `outcome` added to its query. Works for absolute URLs and for paths on the backend.
 */
export function buildSuccessRedirect(
  base: string,
  params: { order_id: string | null; zonos_order_id: string; outcome: ShopperOutcome }
): string {
  const isAbsolute = /^https?:\/\//i.test(base)
  const url = new URL(base, PLACEHOLDER_ORIGIN)
  if (params.order_id) url.searchParams.set("order_id", params.order_id)
  url.searchParams.set("zonos_order_id", params.zonos_order_id)
  url.searchParams.set("outcome", params.outcome)
  return isAbsolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`
}

/** The outcome a shopper is told, from the import's outcome. Failures read as "processing": the sweep finishes them. */
export function shopperOutcome(outcome: string | null): ShopperOutcome {
  if (outcome === "imported" || outcome === "on_hold" || outcome === "cancelled") return outcome
  return "processing"
}
