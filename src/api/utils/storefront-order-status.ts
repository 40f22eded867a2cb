/** What a storefront is told about the order of its cart. */
export type StorefrontOrderStatus = "processing" | "placed" | "cancelled"

/**
 * Pure. The shopper learns whether their order is placed, cancelled, or not in the store yet;
 * never why (a fraud review or a screening-list hold is the merchant's business, and a held order
 * is still a placed order to the shopper).
 */
export function storefrontOrderStatus(row: { state: string; has_order: boolean } | null): StorefrontOrderStatus {
  if (!row) return "processing"
  if (row.state === "cancelled") return "cancelled"
  return row.has_order ? "placed" : "processing"
}
