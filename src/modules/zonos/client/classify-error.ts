import {
  MAX_ZONOS_MESSAGE_LENGTH,
  truncateText,
  ZonosEndpoint,
  ZonosError,
  ZonosErrorDetails,
  ZonosInvalidCredentialsError,
  ZonosInvalidRequestError,
  ZonosOrderNotFoundError,
  ZonosServerError,
} from "./errors"

/**
 * Pure mapping of a Zonos HTTP answer to a typed error (or null when it is a success).
 *
 * Rules, in order:
 *  1. 2xx without an `error` key -> null (success; the caller still validates the body).
 *  2. 5xx -> ZonosServerError (retryable), whatever the text; 429 too (rate limiting is transient).
 *  3. Zonos's text says "Invalid security credentials" -> ZonosInvalidCredentialsError.
 *  4. Zonos's text says "Could not find an order", "No order found", "Could not retrieve order"...
 *     -> ZonosOrderNotFoundError.
 *  5. 401/403 -> ZonosInvalidCredentialsError.
 *  6. Anything else (400, 404, 406, 415, other 4xx, 3xx, and ANY `error` body on HTTP 2xx)
 *     -> ZonosInvalidRequestError (not retryable: sending the same request again gives the same answer).
 */

export interface ZonosResponseInfo {
  endpoint: ZonosEndpoint
  httpStatus: number
  /** The parsed JSON body, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown
  /** The order concerned, in the `999-12345` form, for the message. */
  orderId?: string
  /** For orderDetail by referenceId, for the message. */
  referenceId?: string
  /** Applied to every piece of Zonos-supplied text (removes the API secret). */
  redact?: (text: string) => string
  /** The `Location` header of a redirect, if any. */
  location?: string
}

const CREDENTIALS_TEXT = /security credentials|invalid credentials|invalid secret/i
const NOT_FOUND_TEXT =
  /could ?not find (?:an |the )?order|no order (?:was )?found|order not found|(?:could ?not|cannot|can't|unable to) (?:find|retrieve|locate|load) (?:an |the )?order/i

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/**
 * The text of Zonos's `error` key, or undefined when the body carries no error.
 * Any `error` key counts, except `null`/`false` (read as "no error").
 */
export function zonosErrorText(body: unknown): string | undefined {
  if (!isPlainObject(body) || !Object.prototype.hasOwnProperty.call(body, "error")) {
    return undefined
  }
  const value = body.error
  if (value === null || value === undefined || value === false) {
    return undefined
  }
  if (typeof value === "string") {
    return value
  }
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    text = undefined
  }
  return text ?? String(value)
}

/** A short, single-line excerpt of a non-JSON body (HTML tags dropped). */
export function bodyExcerpt(text: string, max = 120): string {
  const flat = text
    .slice(0, 4000)
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  return truncateText(flat, max)
}

export function classifyZonosError(info: ZonosResponseInfo): ZonosError | null {
  const { endpoint, httpStatus, body, orderId } = info
  const redact = info.redact ?? ((text: string) => text)
  const errorText = zonosErrorText(body)
  const isSuccessStatus = httpStatus >= 200 && httpStatus < 300

  if (isSuccessStatus && errorText === undefined) {
    return null
  }

  let zonosMessage: string | undefined
  if (errorText !== undefined) {
    zonosMessage = truncateText(redact(errorText), MAX_ZONOS_MESSAGE_LENGTH)
  } else if (typeof body === "string" && body.trim() !== "") {
    zonosMessage = redact(bodyExcerpt(body)) || undefined
  }

  const details: ZonosErrorDetails = { endpoint, httpStatus }
  if (orderId !== undefined) details.orderId = orderId
  if (info.referenceId !== undefined) details.referenceId = redact(info.referenceId)
  if (zonosMessage !== undefined) details.zonosMessage = zonosMessage

  if (httpStatus >= 500) {
    return new ZonosServerError(`server error (HTTP ${httpStatus})`, details)
  }
  if (httpStatus === 429) {
    return new ZonosServerError("rate limited (HTTP 429)", details)
  }
  if (errorText !== undefined && CREDENTIALS_TEXT.test(errorText)) {
    return new ZonosInvalidCredentialsError(
      "invalid credentials (check the store id and secret)",
      details
    )
  }
  if (errorText !== undefined && NOT_FOUND_TEXT.test(errorText)) {
    return new ZonosOrderNotFoundError("order not found", details)
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return new ZonosInvalidCredentialsError(
      `access denied (HTTP ${httpStatus}; check the store id and secret)`,
      details
    )
  }
  if (isSuccessStatus) {
    return new ZonosInvalidRequestError(
      `request refused (HTTP ${httpStatus} with an error body)`,
      details
    )
  }
  if (httpStatus >= 300 && httpStatus < 400) {
    const to = info.location ? ` to ${truncateText(redact(info.location), 120)}` : ""
    return new ZonosInvalidRequestError(
      `unexpected redirect (HTTP ${httpStatus}${to}); check apiUrl`,
      details
    )
  }
  const hint =
    httpStatus === 406
      ? "; Zonos did not accept the Accept header"
      : httpStatus === 415
        ? "; Zonos did not accept the Content-Type header"
        : httpStatus === 404 && errorText === undefined
          ? "; check apiUrl"
          : ""
  return new ZonosInvalidRequestError(`request refused (HTTP ${httpStatus}${hint})`, details)
}
