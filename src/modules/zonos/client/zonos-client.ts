import { z } from "@medusajs/framework/zod"
import { bodyExcerpt, classifyZonosError } from "./classify-error"
import {
  isZonosError,
  truncateText,
  ZonosEndpoint,
  ZonosError,
  ZonosErrorDetails,
  ZonosInvalidRequestError,
  ZonosMalformedResponseError,
  ZonosNetworkError,
  ZonosTimeoutError,
  zonosCallSubject,
} from "./errors"
import { describeInvalidInput, formatZonosOrderId, parseZonosOrderId } from "./order-id"
import { readUtcDay } from "../utils/utc-day"
import { createRedactor } from "./redact"
import { DEFAULT_MAX_DELAY_MS, withRetries } from "./retry"
import {
  ZonosOrderDetail,
  zonosOrderDetailResponseSchema,
  ZonosOrderNumbersResponse,
  zonosOrderNumbersResponseSchema,
  zonosTempCartResponseSchema,
  zonosWriteResponseSchema,
} from "./schemas"
import { isVendorOrderStatus, VENDOR_ORDER_STATUSES, VendorOrderStatus } from "./statuses"

export interface ZonosLogger {
  warn(message: string): void
  debug?(message: string): void
}

export interface ZonosClientOptions {
  /** The Zonos store id, e.g. "999". */
  storeId: string
  /** The API secret (a GUID). Held privately; never logged nor put in an error. */
  secret: string
  /** e.g. "https://api.iglobalstores.com" (trailing slash optional; a base path is kept). */
  apiUrl: string
  /** Timeout of ONE attempt (request + reading the body), in ms. */
  timeoutMs: number
  /** Retries after the first attempt (0 = one attempt). Only retryable errors are retried. */
  maxRetries: number
  /** Base of the exponential backoff (default 250 ms). */
  retryBaseDelayMs?: number
  /** Upper bound of one backoff delay (default 10 s). */
  retryMaxDelayMs?: number
  logger?: ZonosLogger
}

type DateInput = string | Date

interface OrderNumbersCommon {
  /** Also return each order's current status and status date. */
  statuses?: boolean
}

/** Exactly one way of selecting orders. */
export type ZonosOrderNumbersQuery =
  | (OrderNumbersCommon & {
      /** Orders after this one (exclusive), with or without the store prefix. */
      sinceOrderId: string | number
      sinceDate?: never
      throughDate?: never
      missingMerchantOrderId?: never
    })
  | (OrderNumbersCommon & {
      /** Orders on or after this UTC day: a Date, or a `yyyymmdd` string. */
      sinceDate: DateInput
      /** Optional upper bound (UTC day, inclusive). */
      throughDate?: DateInput
      sinceOrderId?: never
      missingMerchantOrderId?: never
    })
  | (OrderNumbersCommon & {
      /** Orders of the last two weeks whose merchantOrderId was never set. */
      missingMerchantOrderId: true
      sinceOrderId?: never
      sinceDate?: never
      throughDate?: never
    })

/** One line of a createTempCart body (keys as Zonos names them; money as decimal strings). */
export type ZonosTempCartItem = {
  productId?: string
  sku?: string
  description: string
  quantity: number
  unitPrice: string
  imageURL?: string
  itemURL?: string
  itemBrand?: string
  itemCategory?: string
  itemDescriptionDetailed?: string
  itemHSCode?: string
  countryOfOrigin?: string
  itemMaterial?: string
  weight?: string
  weightUnits?: string
  length?: string
  width?: string
  height?: string
  dimensionUnits?: string
  nonShippable?: boolean
}

/** The createTempCart body without the credentials (the client adds storeId and secret). */
export type ZonosTempCart = {
  referenceId: string
  externalConfirmationPageURL: string
  contShoppingURL?: string
  domesticShippingCharge?: string
  misc1?: string
  misc2?: string
  misc3?: string
  misc4?: string
  misc5?: string
  misc6?: string
  items: ZonosTempCartItem[]
}

/** Look an order up by its Zonos order id, or by the referenceId given to createTempCart. */
export type ZonosOrderRef =
  | { orderId: string | number; referenceId?: never }
  | { referenceId: string; orderId?: never }

interface Subject {
  orderId?: string
  referenceId?: string
}

const DEFAULT_RETRY_BASE_DELAY_MS = 250
const MAX_TEXT_ARGUMENT_LENGTH = 255

const PATHS: Record<ZonosEndpoint, string> = {
  orderNumbers: "v1/orderNumbers",
  orderDetail: "v2/orderDetail",
  updateMerchantOrderId: "v1/updateMerchantOrderId",
  updateVendorOrderStatus: "v1/updateVendorOrderStatus",
  setShipmentTracking: "v2/setShipmentTracking",
  createTempCart: "v1/createTempCart",
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null
}

function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && isRecord(current); depth++) {
    if (typeof current.code === "string" && current.code !== "") {
      return current.code
    }
    current = current.cause
  }
  return undefined
}

function innermostMessage(error: unknown): string | undefined {
  let current: unknown = error
  let message: string | undefined
  for (let depth = 0; depth < 4 && isRecord(current); depth++) {
    if (typeof current.message === "string" && current.message !== "") {
      message = current.message
    }
    current = current.cause
  }
  return message
}

function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = ""
  for (const key of path) {
    if (typeof key === "number") {
      out += `[${key}]`
    } else {
      out += out === "" ? String(key) : `.${String(key)}`
    }
  }
  return out === "" ? "(root)" : out
}

/**
 * HTTP client of the Zonos Checkout order API (legacy iGlobal Stores REST host).
 *
 * One method per endpoint; every call is a JSON POST with the store id and secret in the body.
 * Each attempt has its own timeout; network errors, timeouts and 5xx are retried with exponential
 * backoff (see retry.ts); every failure is a typed ZonosError (see errors.ts).
 */
export class ZonosClient {
  readonly storeId: string
  readonly apiUrl: string
  readonly timeoutMs: number
  readonly maxRetries: number
  readonly retryBaseDelayMs: number
  readonly retryMaxDelayMs: number
  readonly #secret: string
  readonly #redact: (text: string) => string
  readonly #logger: ZonosLogger | undefined
  readonly #baseUrl: URL

  constructor(options: ZonosClientOptions) {
    // The options come from the plugin's zod schema (types/options.ts), which has checked them.
    const raw = options.apiUrl.trim()
    const baseUrl = new URL(raw.endsWith("/") ? raw : `${raw}/`)
    const retryBaseDelayMs = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS
    const retryMaxDelayMs = options.retryMaxDelayMs ?? DEFAULT_MAX_DELAY_MS

    this.storeId = options.storeId
    this.#secret = options.secret
    this.#redact = createRedactor(options.secret)
    this.#baseUrl = baseUrl
    this.apiUrl = this.#redact(baseUrl.toString())
    this.timeoutMs = options.timeoutMs
    this.maxRetries = options.maxRetries
    this.retryBaseDelayMs = retryBaseDelayMs
    this.retryMaxDelayMs = retryMaxDelayMs
    this.#logger = options.logger
  }

  /**
   * POST /v1/orderNumbers: the completed orders since an order id, since a UTC day (optionally
   * through another), or those missing a merchantOrderId. A missing `orders` key reads as none.
   */
  async orderNumbers(query: ZonosOrderNumbersQuery): Promise<ZonosOrderNumbersResponse> {
    const endpoint: ZonosEndpoint = "orderNumbers"
    const payload = this.#orderNumbersPayload(query)
    return this.#call(endpoint, payload, zonosOrderNumbersResponseSchema, {})
  }

  /**
   * POST /v2/orderDetail by orderId (`999-12345`, `12345` or 12345) or by referenceId, never both.
   * Sends both `store` and `storeId` (the docs and the integrations disagree on the key).
   */
  async orderDetail(ref: ZonosOrderRef): Promise<ZonosOrderDetail> {
    const endpoint: ZonosEndpoint = "orderDetail"
    const fields: Record<string, unknown> = isRecord(ref) ? { ...ref } : {}
    const hasOrderId = fields.orderId !== undefined && fields.orderId !== null
    const hasReferenceId = fields.referenceId !== undefined && fields.referenceId !== null
    if (hasOrderId && hasReferenceId) {
      throw this.#invalidArgument(endpoint, {}, "give either orderId or referenceId, not both")
    }
    if (!hasOrderId && !hasReferenceId) {
      throw this.#invalidArgument(endpoint, {}, "orderId or referenceId is required")
    }

    const storeKeys = { store: this.storeId, storeId: this.storeId }
    if (hasOrderId) {
      const { normalised, formatted } = this.#orderIdArgument(endpoint, fields.orderId)
      const response = await this.#call(
        endpoint,
        { ...storeKeys, orderId: formatted },
        zonosOrderDetailResponseSchema,
        { orderId: formatted }
      )
      const answered = parseZonosOrderId(response.order.orderId)
      if (answered !== normalised) {
        throw new ZonosMalformedResponseError(
          `malformed response: asked for order ${formatted} but Zonos answered with order ${String(
            answered
          )}`,
          { endpoint, orderId: formatted }
        )
      }
      return response.order
    }

    const referenceId = fields.referenceId
    if (
      typeof referenceId !== "string" ||
      referenceId.trim() === "" ||
      referenceId.length > MAX_TEXT_ARGUMENT_LENGTH
    ) {
      throw this.#invalidArgument(
        endpoint,
        {},
        `invalid referenceId ${this.#redact(describeInvalidInput(referenceId))}`
      )
    }
    const response = await this.#call(
      endpoint,
      { ...storeKeys, referenceId },
      zonosOrderDetailResponseSchema,
      { referenceId }
    )
    return response.order
  }

  /** POST /v1/updateMerchantOrderId: tell Zonos the merchant's own order number. */
  async updateMerchantOrderId(orderId: string, merchantOrderId: string): Promise<void> {
    const endpoint: ZonosEndpoint = "updateMerchantOrderId"
    const { formatted } = this.#orderIdArgument(endpoint, orderId)
    const value = typeof merchantOrderId === "string" ? merchantOrderId.trim() : ""
    if (value === "" || value.length > MAX_TEXT_ARGUMENT_LENGTH) {
      throw this.#invalidArgument(
        endpoint,
        { orderId: formatted },
        `invalid merchantOrderId ${this.#redact(describeInvalidInput(merchantOrderId))}`
      )
    }
    await this.#call(
      endpoint,
      { store: this.storeId, orderId: formatted, merchantOrderId: value },
      zonosWriteResponseSchema,
      { orderId: formatted }
    )
  }

  /** POST /v1/updateVendorOrderStatus with a VENDOR_* status. */
  async updateVendorOrderStatus(orderId: string, orderStatus: VendorOrderStatus): Promise<void> {
    const endpoint: ZonosEndpoint = "updateVendorOrderStatus"
    const { formatted } = this.#orderIdArgument(endpoint, orderId)
    if (!isVendorOrderStatus(orderStatus)) {
      throw this.#invalidArgument(
        endpoint,
        { orderId: formatted },
        `invalid orderStatus ${this.#redact(
          describeInvalidInput(orderStatus)
        )}: expected one of ${VENDOR_ORDER_STATUSES.join(", ")}`
      )
    }
    await this.#call(
      endpoint,
      { store: this.storeId, orderId: formatted, orderStatus },
      zonosWriteResponseSchema,
      { orderId: formatted }
    )
  }

  /**
   * POST /v2/setShipmentTracking with `trackingList: [{ number }]`. Numbers are trimmed and
   * de-duplicated; at least one is required.
   */
  async setShipmentTracking(orderId: string, trackingNumbers: string[]): Promise<void> {
    const endpoint: ZonosEndpoint = "setShipmentTracking"
    const { formatted } = this.#orderIdArgument(endpoint, orderId)
    const subject: Subject = { orderId: formatted }
    if (!Array.isArray(trackingNumbers)) {
      throw this.#invalidArgument(endpoint, subject, "trackingNumbers must be an array")
    }
    const numbers: string[] = []
    for (const raw of trackingNumbers) {
      const value = typeof raw === "string" ? raw.trim() : ""
      if (value === "" || value.length > MAX_TEXT_ARGUMENT_LENGTH) {
        throw this.#invalidArgument(
          endpoint,
          subject,
          `invalid tracking number ${this.#redact(describeInvalidInput(raw))}`
        )
      }
      if (!numbers.includes(value)) {
        numbers.push(value)
      }
    }
    if (numbers.length === 0) {
      throw this.#invalidArgument(endpoint, subject, "at least one tracking number is required")
    }
    await this.#call(
      endpoint,
      {
        store: this.storeId,
        orderId: formatted,
        trackingList: numbers.map((number) => ({ number })),
      },
      zonosWriteResponseSchema,
      subject
    )
  }

  /**
   * POST /v1/createTempCart: hands a cart to Zonos's hosted checkout and answers its
   * tempCartUUID. This endpoint (alone) names the store `storeId`. The cart is built by the
   * caller (see build-zonos-temp-cart); amounts must already be decimal strings.
   * Retrying is safe: a second temp cart is simply never used.
   */
  async createTempCart(cart: ZonosTempCart): Promise<{ tempCartUUID: string }> {
    const endpoint: ZonosEndpoint = "createTempCart"
    if (!isRecord(cart) || !Array.isArray(cart.items) || cart.items.length === 0) {
      throw this.#invalidArgument(endpoint, {}, "a temp cart needs at least one item")
    }
    const subject: Subject = { referenceId: cart.referenceId }
    const response = await this.#call(
      endpoint,
      { ...cart, storeId: this.storeId },
      zonosTempCartResponseSchema,
      subject
    )
    return { tempCartUUID: response.tempCartUUID }
  }

  // ---------------------------------------------------------------------------------------------

  #invalidArgument(endpoint: ZonosEndpoint, subject: Subject, summary: string): ZonosError {
    return new ZonosInvalidRequestError(`not sent: ${summary}`, { endpoint, ...subject })
  }

  #orderIdArgument(
    endpoint: ZonosEndpoint,
    input: unknown
  ): { normalised: string; formatted: string } {
    const normalised = parseZonosOrderId(input, this.storeId)
    if (normalised === null) {
      throw this.#invalidArgument(
        endpoint,
        {},
        `invalid order id ${this.#redact(describeInvalidInput(input))} (expected "${
          this.storeId
        }-12345" or "12345")`
      )
    }
    return { normalised, formatted: formatZonosOrderId(this.storeId, normalised) }
  }

  #orderNumbersPayload(query: ZonosOrderNumbersQuery): Record<string, unknown> {
    const endpoint: ZonosEndpoint = "orderNumbers"
    const q: Record<string, unknown> = isRecord(query) ? { ...query } : {}
    const given = (key: string) => q[key] !== undefined && q[key] !== null
    const modes = ["sinceOrderId", "sinceDate", "missingMerchantOrderId"].filter(given)
    if (modes.length !== 1) {
      throw this.#invalidArgument(
        endpoint,
        {},
        modes.length === 0
          ? "one of sinceOrderId, sinceDate or missingMerchantOrderId is required"
          : `only one of sinceOrderId, sinceDate and missingMerchantOrderId may be given (got ${modes.join(
              ", "
            )})`
      )
    }
    const payload: Record<string, unknown> = { store: this.storeId }

    if (given("sinceOrderId")) {
      payload.sinceOrderId = this.#orderIdArgument(endpoint, q.sinceOrderId).formatted
    } else if (given("sinceDate")) {
      const sinceDate = readUtcDay(q.sinceDate)
      if (sinceDate === null) {
        throw this.#invalidArgument(
          endpoint,
          {},
          `invalid sinceDate ${describeInvalidInput(q.sinceDate)} (expected a Date or "yyyymmdd")`
        )
      }
      payload.sinceDate = sinceDate
      if (given("throughDate")) {
        const throughDate = readUtcDay(q.throughDate)
        if (throughDate === null) {
          throw this.#invalidArgument(
            endpoint,
            {},
            `invalid throughDate ${describeInvalidInput(
              q.throughDate
            )} (expected a Date or "yyyymmdd")`
          )
        }
        if (throughDate < sinceDate) {
          throw this.#invalidArgument(
            endpoint,
            {},
            `throughDate ${throughDate} is before sinceDate ${sinceDate}`
          )
        }
        payload.throughDate = throughDate
      }
    } else {
      if (q.missingMerchantOrderId !== true) {
        throw this.#invalidArgument(endpoint, {}, "missingMerchantOrderId must be true")
      }
      payload.missingMerchantOrderId = true
    }
    if (!given("sinceDate") && given("throughDate")) {
      throw this.#invalidArgument(endpoint, {}, "throughDate is only allowed with sinceDate")
    }
    if (given("statuses")) {
      if (typeof q.statuses !== "boolean") {
        throw this.#invalidArgument(endpoint, {}, "statuses must be a boolean")
      }
      payload.statuses = q.statuses
    }
    return payload
  }

  #log(level: "warn" | "debug", message: string): void {
    const logger = this.#logger
    if (!logger) return
    try {
      if (level === "warn") {
        logger.warn(this.#redact(message))
      } else if (logger.debug) {
        logger.debug(this.#redact(message))
      }
    } catch {
      // A failing logger must not fail the call.
    }
  }

  /** One POST with retries; resolves with the body parsed by `schema`. */
  async #call<S extends z.ZodType>(
    endpoint: ZonosEndpoint,
    payload: Record<string, unknown>,
    schema: S,
    subject: Subject
  ): Promise<z.output<S>> {
    const url = new URL(PATHS[endpoint], this.#baseUrl)
    // The secret goes into the request body only, never into anything that is kept or logged.
    const body = JSON.stringify({ ...payload, secret: this.#secret })
    let attempts = 0
    try {
      return await withRetries(
        (attempt) => {
          attempts = attempt
          return this.#attempt(endpoint, url, body, schema, subject, attempt)
        },
        {
          maxRetries: this.maxRetries,
          baseDelayMs: this.retryBaseDelayMs,
          maxDelayMs: this.retryMaxDelayMs,
          isRetryable: (error) => isZonosError(error) && error.retryable,
          onRetry: ({ error, retry, maxRetries, delayMs }) => {
            const reason = isZonosError(error)
              ? error.httpStatus !== undefined && error.code === "server_error"
                ? `${error.code}, HTTP ${error.httpStatus}`
                : error.code
              : "error"
            this.#log(
              "warn",
              `${this.#where(endpoint, subject)} failed (${reason}); retry ${retry} of ${maxRetries} in ${delayMs} ms`
            )
          },
        }
      )
    } catch (error) {
      if (isZonosError(error)) {
        error.attempts = attempts
      }
      throw error
    }
  }

  #where(endpoint: ZonosEndpoint, subject: Subject): string {
    return zonosCallSubject({ endpoint, ...subject })
  }

  #details(endpoint: ZonosEndpoint, subject: Subject): ZonosErrorDetails {
    const details: ZonosErrorDetails = { endpoint }
    if (subject.orderId !== undefined) details.orderId = subject.orderId
    if (subject.referenceId !== undefined) details.referenceId = this.#redact(subject.referenceId)
    return details
  }

  #transportError(
    endpoint: ZonosEndpoint,
    subject: Subject,
    error: unknown,
    signal: AbortSignal
  ): ZonosError {
    if (signal.aborted) {
      return new ZonosTimeoutError(`timed out after ${this.timeoutMs} ms`, {
        ...this.#details(endpoint, subject),
        cause: error,
      })
    }
    const code = networkErrorCode(error)
    const message = innermostMessage(error)
    const text = [code, message && message !== code ? message : undefined]
      .filter((part): part is string => part !== undefined)
      .join(": ")
    return new ZonosNetworkError(
      `network error${text ? ` (${truncateText(this.#redact(text), 200)})` : ""}`,
      { ...this.#details(endpoint, subject), cause: error }
    )
  }

  async #attempt<S extends z.ZodType>(
    endpoint: ZonosEndpoint,
    url: URL,
    body: string,
    schema: S,
    subject: Subject,
    attempt: number
  ): Promise<z.output<S>> {
    const started = Date.now()
    const signal = AbortSignal.timeout(this.timeoutMs)
    let response: Response
    let text: string
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body,
        signal,
        redirect: "manual",
      })
      text = await response.text()
    } catch (error) {
      const failure = this.#transportError(endpoint, subject, error, signal)
      this.#log(
        "debug",
        `${this.#where(endpoint, subject)}: attempt ${attempt} failed after ${
          Date.now() - started
        } ms (${failure.code})`
      )
      throw failure
    }
    this.#log(
      "debug",
      `${this.#where(endpoint, subject)}: HTTP ${response.status} in ${
        Date.now() - started
      } ms (attempt ${attempt})`
    )

    let json: unknown
    let isJson = false
    if (text.trim() !== "") {
      try {
        json = JSON.parse(text)
        isJson = true
      } catch {
        isJson = false
      }
    }

    const classified = classifyZonosError({
      endpoint,
      httpStatus: response.status,
      body: isJson ? json : text === "" ? undefined : text,
      orderId: subject.orderId,
      referenceId: subject.referenceId,
      redact: this.#redact,
      location: response.headers.get("location") ?? undefined,
    })
    if (classified) {
      throw classified
    }

    if (!isJson) {
      const details = this.#details(endpoint, subject)
      details.httpStatus = response.status
      if (text.trim() === "") {
        throw new ZonosMalformedResponseError(
          `malformed response: empty body (HTTP ${response.status})`,
          details
        )
      }
      details.zonosMessage = this.#redact(bodyExcerpt(text, 80))
      throw new ZonosMalformedResponseError(
        `malformed response: body is not JSON (HTTP ${response.status})`,
        details
      )
    }

    const result = schema.safeParse(json)
    if (!result.success) {
      const issue = result.error.issues[0]
      const where = issue ? formatIssuePath(issue.path) : "(root)"
      const what = issue ? truncateText(issue.message, 200) : "does not match the expected shape"
      const details = this.#details(endpoint, subject)
      details.httpStatus = response.status
      throw new ZonosMalformedResponseError(
        this.#redact(`malformed response: ${where}: ${what}`),
        details
      )
    }
    return result.data
  }
}
