import { IncomingHttpHeaders } from "node:http"
import { ENDPOINT_NAMES, ENDPOINT_PATHS, EndpointName } from "./constants"
import { EndpointContext, EndpointHandler } from "./endpoints/endpoint-context"
import { handleCreateTempCart } from "./endpoints/create-temp-cart"
import { handleOrderDetail } from "./endpoints/order-detail"
import { handleOrderNumbers } from "./endpoints/order-numbers"
import { handleSetShipmentTracking } from "./endpoints/set-shipment-tracking"
import { handleUpdateMerchantOrderId } from "./endpoints/update-merchant-order-id"
import { handleUpdateVendorOrderStatus } from "./endpoints/update-vendor-order-status"
import { HttpAnswer } from "./http-io"
import { checkCredentials, StoreKeyRule, validateApiRequest } from "./request-validation"

interface EndpointSpec {
  storeKey: StoreKeyRule
  handler: EndpointHandler
}

const ENDPOINTS: Record<EndpointName, EndpointSpec> = {
  orderNumbers: { storeKey: "store", handler: handleOrderNumbers },
  // The doc table says storeId, its own error text and every integration say store: take either.
  orderDetail: { storeKey: "storeOrStoreId", handler: handleOrderDetail },
  updateMerchantOrderId: { storeKey: "store", handler: handleUpdateMerchantOrderId },
  updateVendorOrderStatus: { storeKey: "store", handler: handleUpdateVendorOrderStatus },
  setShipmentTracking: { storeKey: "store", handler: handleSetShipmentTracking },
  createTempCart: { storeKey: "storeId", handler: handleCreateTempCart },
}

const BY_PATH = new Map<string, EndpointName>(
  ENDPOINT_NAMES.map((name) => [ENDPOINT_PATHS[name], name]),
)

/** The endpoint an exact path belongs to (versions matter: /v2/orderNumbers is not one). */
export function endpointForPath(path: string): EndpointName | undefined {
  return BY_PATH.get(path)
}

export interface ApiRequest {
  method: string | undefined
  headers: IncomingHttpHeaders
  rawBody: string
}

export interface ApiCredentials {
  storeId: string
  secret: string
}

/** Answers one API call: shared checks (method, headers, body, credentials), then the endpoint. */
export function answerApiCall(
  endpoint: EndpointName,
  request: ApiRequest,
  credentials: ApiCredentials,
  ctx: EndpointContext,
): HttpAnswer {
  const validated = validateApiRequest(request.method, request.headers, request.rawBody)
  if ("answer" in validated) return validated.answer
  const spec = ENDPOINTS[endpoint]
  const refused = checkCredentials(validated.body, spec.storeKey, credentials.storeId, credentials.secret)
  if (refused) return refused
  return spec.handler(validated.body, ctx)
}
