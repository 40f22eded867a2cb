/** Store id the sandbox answers for unless told otherwise. */
export const SANDBOX_STORE_ID = "999"

/** API secret the sandbox accepts unless told otherwise. A made-up GUID: not a real credential. */
export const SANDBOX_SECRET = "5f0c8a2e-3b1d-4c7a-9e6f-0a1b2c3d4e5f"

/** Seeded and added orders are numbered from here: `999-1001`, `999-1002`, ... */
export const FIRST_ORDER_NUMBER = 1001

/** Window of the `missingMerchantOrderId` filter of orderNumbers ("the last two weeks"). */
export const MISSING_MERCHANT_ORDER_ID_WINDOW_DAYS = 14

/** Prefix of the control API (not part of Zonos; no credentials; not counted as API calls). */
export const CONTROL_PREFIX = "/__sandbox"

/** Largest request body read, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

export const ENDPOINT_NAMES = [
  "orderNumbers",
  "orderDetail",
  "updateMerchantOrderId",
  "updateVendorOrderStatus",
  "setShipmentTracking",
  "createTempCart",
] as const

export type EndpointName = (typeof ENDPOINT_NAMES)[number]

/** Exact path of every API endpoint (the version segment matters: orderNumbers is v1, orderDetail v2). */
export const ENDPOINT_PATHS: Record<EndpointName, string> = {
  orderNumbers: "/v1/orderNumbers",
  orderDetail: "/v2/orderDetail",
  updateMerchantOrderId: "/v1/updateMerchantOrderId",
  updateVendorOrderStatus: "/v1/updateVendorOrderStatus",
  setShipmentTracking: "/v2/setShipmentTracking",
  createTempCart: "/v1/createTempCart",
}

export function isEndpointName(value: unknown): value is EndpointName {
  return typeof value === "string" && (ENDPOINT_NAMES as readonly string[]).includes(value)
}
