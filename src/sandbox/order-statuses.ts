/** Statuses Zonos sets. */
export const IGLOBAL_ORDER_IN_PROCESS = "IGLOBAL_ORDER_IN_PROCESS"
export const IGLOBAL_FRAUD_REVIEW = "IGLOBAL_FRAUD_REVIEW"
export const IGLOBAL_ORDER_ON_HOLD = "IGLOBAL_ORDER_ON_HOLD"
export const IGLOBAL_ORDER_CANCELLED = "IGLOBAL_ORDER_CANCELLED"
/** The one-L spelling some integrations use; treated like the documented spelling. */
export const IGLOBAL_ORDER_CANCELED = "IGLOBAL_ORDER_CANCELED"
export const IGLOBAL_LABELS_PROCESSING = "IGLOBAL_LABELS_PROCESSING"

/** Statuses the merchant may set through updateVendorOrderStatus. */
export const VENDOR_STATUSES: readonly string[] = [
  "VENDOR_PREPARING_ORDER",
  "VENDOR_SHIPMENT_READY",
  "VENDOR_LABELS_PRINTED_DATE",
  "VENDOR_CANCELLATION_REQUEST",
  "VENDOR_END_OF_DAY_COMPLETE",
]

/**
 * While an order is in one of these statuses the vendor cannot change it
 * (the status table of the updateVendorOrderStatus documentation).
 */
export const VENDOR_LOCKED_STATUSES: readonly string[] = [
  IGLOBAL_FRAUD_REVIEW,
  IGLOBAL_ORDER_ON_HOLD,
  IGLOBAL_ORDER_CANCELLED,
  IGLOBAL_ORDER_CANCELED,
  IGLOBAL_LABELS_PROCESSING,
  "VENDOR_CANCELLATION_REQUEST",
  "VENDOR_END_OF_DAY_COMPLETE",
]

export function isVendorStatus(value: string): boolean {
  return VENDOR_STATUSES.includes(value)
}

export function isVendorLockedStatus(value: unknown): boolean {
  return typeof value === "string" && VENDOR_LOCKED_STATUSES.includes(value)
}
