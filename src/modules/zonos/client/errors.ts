/**
 * Typed errors of the Zonos client. Branch on `error.code` (or `instanceof` a subclass) and on
 * `error.retryable`. Messages say what happened, on which endpoint and for which order, and carry
 * Zonos's own text; they never contain the API secret (the client redacts it before building them).
 */

export type ZonosEndpoint =
  | "orderNumbers"
  | "orderDetail"
  | "updateMerchantOrderId"
  | "updateVendorOrderStatus"
  | "setShipmentTracking"
  | "createTempCart"

export type ZonosErrorCode =
  | "invalid_credentials"
  | "order_not_found"
  | "invalid_request"
  | "server_error"
  | "timeout"
  | "network_error"
  | "malformed_response"

export interface ZonosErrorDetails {
  endpoint: ZonosEndpoint
  /** The order concerned, in Zonos's `999-12345` form. */
  orderId?: string
  /** For orderDetail by referenceId: the referenceId asked for. */
  referenceId?: string
  httpStatus?: number
  /** Zonos's own error text (already redacted and truncated). */
  zonosMessage?: string
  /** Overrides the code's default retryability. */
  retryable?: boolean
  cause?: unknown
}

const DEFAULT_RETRYABLE: Record<ZonosErrorCode, boolean> = {
  invalid_credentials: false,
  order_not_found: false,
  invalid_request: false,
  server_error: true,
  timeout: true,
  network_error: true,
  malformed_response: false,
}

const ZONOS_ERROR_BRAND = Symbol.for("medusa-plugin-zonos.ZonosError")

/** Longest Zonos-supplied text kept in an error. */
export const MAX_ZONOS_MESSAGE_LENGTH = 300

export function truncateText(text: string, max = MAX_ZONOS_MESSAGE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** "Zonos orderDetail for order 999-1001": which call, for which order; the start of every message and log line. */
export function zonosCallSubject(details: Pick<ZonosErrorDetails, "endpoint" | "orderId" | "referenceId">): string {
  if (details.orderId) return `Zonos ${details.endpoint} for order ${details.orderId}`
  if (details.referenceId !== undefined) {
    return `Zonos ${details.endpoint} for referenceId ${JSON.stringify(truncateText(details.referenceId, 80))}`
  }
  return `Zonos ${details.endpoint}`
}

export function buildZonosErrorMessage(summary: string, details: ZonosErrorDetails): string {
  const where = zonosCallSubject(details)
  const said = details.zonosMessage ? ` (Zonos said: ${JSON.stringify(details.zonosMessage)})` : ""
  return `${where}: ${summary}${said}`
}

export class ZonosError extends Error {
  readonly code: ZonosErrorCode
  readonly endpoint: ZonosEndpoint
  readonly orderId?: string
  readonly referenceId?: string
  readonly httpStatus?: number
  readonly retryable: boolean
  readonly zonosMessage?: string
  readonly cause?: unknown
  /** How many HTTP attempts were made before giving up (set by the client). */
  attempts?: number
  /** What happened, without the "Zonos <endpoint> for order <id>: " prefix. */
  readonly summary: string

  constructor(code: ZonosErrorCode, summary: string, details: ZonosErrorDetails) {
    super(buildZonosErrorMessage(summary, details))
    this.name = "ZonosError"
    this.code = code
    this.summary = summary
    this.endpoint = details.endpoint
    this.retryable = details.retryable ?? DEFAULT_RETRYABLE[code]
    if (details.orderId !== undefined) this.orderId = details.orderId
    if (details.referenceId !== undefined) this.referenceId = details.referenceId
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus
    if (details.zonosMessage !== undefined) this.zonosMessage = details.zonosMessage
    if (details.cause !== undefined) this.cause = details.cause
    Object.defineProperty(this, ZONOS_ERROR_BRAND, { value: true })
  }
}

/** The secret is wrong or the store id does not match it. Not retried. */
export class ZonosInvalidCredentialsError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("invalid_credentials", summary, details)
    this.name = "ZonosInvalidCredentialsError"
  }
}

/** Zonos has no such order (or no order for that referenceId). Not retried. */
export class ZonosOrderNotFoundError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("order_not_found", summary, details)
    this.name = "ZonosOrderNotFoundError"
  }
}

/** Zonos refused the request (4xx, or an `error` body on HTTP 200), or the client refused to send it. */
export class ZonosInvalidRequestError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("invalid_request", summary, details)
    this.name = "ZonosInvalidRequestError"
  }
}

/** HTTP 5xx (and 429). Retried. */
export class ZonosServerError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("server_error", summary, details)
    this.name = "ZonosServerError"
  }
}

/** An attempt took longer than `timeoutMs`. Retried. */
export class ZonosTimeoutError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("timeout", summary, details)
    this.name = "ZonosTimeoutError"
  }
}

/** Connection refused/reset, DNS failure, body cut off. Retried. */
export class ZonosNetworkError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("network_error", summary, details)
    this.name = "ZonosNetworkError"
  }
}

/** A successful HTTP status with a body that is not JSON or does not match the schema. Not retried. */
export class ZonosMalformedResponseError extends ZonosError {
  constructor(summary: string, details: ZonosErrorDetails) {
    super("malformed_response", summary, details)
    this.name = "ZonosMalformedResponseError"
  }
}

export function isZonosError(error: unknown): error is ZonosError {
  if (error instanceof ZonosError) {
    return true
  }
  // Also recognise errors from another copy of this module (duplicated installs).
  return (
    typeof error === "object" &&
    error !== null &&
    Object.prototype.hasOwnProperty.call(error, ZONOS_ERROR_BRAND)
  )
}
