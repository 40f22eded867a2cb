const PLACEHOLDER_ORIGIN = "http://placeholder.invalid"

/**
 * The storefront URL the success page redirects to, with `zonos_order_id` added to its query
 * (and nothing else: see the success route). Works for absolute URLs and for paths on the backend.
 */
export function buildSuccessRedirect(base: string, zonosOrderId: string): string {
  const isAbsolute = /^https?:\/\//i.test(base)
  const url = new URL(base, PLACEHOLDER_ORIGIN)
  url.searchParams.set("zonos_order_id", zonosOrderId)
  return isAbsolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`
}
