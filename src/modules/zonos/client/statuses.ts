/**
 * Zonos order statuses. Zonos may add statuses at any time and never removes one, so an order's
 * status is typed as `string`; these lists are the statuses known today.
 */

/** Set by Zonos. Includes the one-L misspelling `IGLOBAL_ORDER_CANCELED` that some integrations use. */
export const IGLOBAL_ORDER_STATUSES = [
  "IGLOBAL_ORDER_IN_PROCESS",
  "IGLOBAL_FRAUD_REVIEW",
  "IGLOBAL_ORDER_ON_HOLD",
  "IGLOBAL_ORDER_CANCELLED",
  "IGLOBAL_ORDER_CANCELED",
  "IGLOBAL_LABELS_PROCESSING",
] as const

/** Set by the merchant through updateVendorOrderStatus. */
export const VENDOR_ORDER_STATUSES = [
  "VENDOR_PREPARING_ORDER",
  "VENDOR_SHIPMENT_READY",
  "VENDOR_LABELS_PRINTED_DATE",
  "VENDOR_CANCELLATION_REQUEST",
  "VENDOR_END_OF_DAY_COMPLETE",
] as const

/** Both spellings of "cancelled by Zonos". */
export const IGLOBAL_CANCELLED_STATUSES = [
  "IGLOBAL_ORDER_CANCELLED",
  "IGLOBAL_ORDER_CANCELED",
] as const

export const ZONOS_STATUSES = {
  IGLOBAL: IGLOBAL_ORDER_STATUSES,
  VENDOR: VENDOR_ORDER_STATUSES,
  ALL: [...IGLOBAL_ORDER_STATUSES, ...VENDOR_ORDER_STATUSES],
} as const

export type IglobalOrderStatus = (typeof IGLOBAL_ORDER_STATUSES)[number]
export type VendorOrderStatus = (typeof VENDOR_ORDER_STATUSES)[number]
export type KnownZonosOrderStatus = IglobalOrderStatus | VendorOrderStatus

export function isVendorOrderStatus(value: unknown): value is VendorOrderStatus {
  return VENDOR_ORDER_STATUSES.some((status) => status === value)
}

export function isIglobalOrderStatus(value: unknown): value is IglobalOrderStatus {
  return IGLOBAL_ORDER_STATUSES.some((status) => status === value)
}

export function isKnownZonosOrderStatus(value: unknown): value is KnownZonosOrderStatus {
  return isIglobalOrderStatus(value) || isVendorOrderStatus(value)
}

/** True for `IGLOBAL_ORDER_CANCELLED` and its misspelling `IGLOBAL_ORDER_CANCELED`. */
export function isZonosCancelledStatus(value: unknown): boolean {
  return IGLOBAL_CANCELLED_STATUSES.some((status) => status === value)
}
