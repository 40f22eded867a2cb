/**
 * Zonos order statuses the plugin acts on. Zonos may add statuses at any time and never removes
 * one, so an order's status is typed as `string`; what each means for the order lives in
 * workflows/zonos/mapping/zonos-status.ts.
 */

/** Set by the merchant through updateVendorOrderStatus (the only ones Zonos accepts there). */
export const VENDOR_ORDER_STATUSES = [
  "VENDOR_PREPARING_ORDER",
  "VENDOR_SHIPMENT_READY",
  "VENDOR_LABELS_PRINTED_DATE",
  "VENDOR_CANCELLATION_REQUEST",
  "VENDOR_END_OF_DAY_COMPLETE",
] as const
export type VendorOrderStatus = (typeof VENDOR_ORDER_STATUSES)[number]

export function isVendorOrderStatus(value: unknown): value is VendorOrderStatus {
  return VENDOR_ORDER_STATUSES.some((status) => status === value)
}

/** Both spellings of "cancelled by Zonos": the docs' `IGLOBAL_ORDER_CANCELLED` and the one-L `IGLOBAL_ORDER_CANCELED`. */
const CANCELLED_STATUSES = ["IGLOBAL_ORDER_CANCELLED", "IGLOBAL_ORDER_CANCELED"] as const

export function isZonosCancelledStatus(value: unknown): boolean {
  return CANCELLED_STATUSES.some((status) => status === value)
}
