/**
 * Retries with exponential backoff and jitter (the pattern of Medusa's Stripe provider
 * `executeWithRetry`, made pure: sleep and random are injectable so tests never wait).
 *
 * What the Zonos client retries (see ZonosError.retryable):
 *  - network errors (connection refused/reset, DNS, body cut off), timeouts, HTTP 5xx and 429.
 *  - NEVER 4xx or `error` bodies (the same request gets the same answer), never invalid
 *    credentials, never malformed responses: a 2xx whose body arrived complete but is not JSON or
 *    does not match the schema points at a systematic problem (wrong apiUrl, a proxy's HTML page,
 *    an API change), so retrying only multiplies load and delays the error. A body cut off
 *    mid-read fails as a network error and IS retried.
 * Every Zonos endpoint the client calls is a read or an idempotent "set" (merchant order id,
 * vendor status, tracking list), so retrying after an ambiguous failure (a timeout after Zonos
 * applied the write) cannot duplicate anything. One caveat: if a timed-out
 * updateVendorOrderStatus did apply a final status (VENDOR_END_OF_DAY_COMPLETE,
 * VENDOR_CANCELLATION_REQUEST), Zonos refuses the retry ("cannot update while in status ...");
 * callers should re-read the order with orderDetail before treating that refusal as a failure.
 */

export type JitterMode = "full" | "equal"

/**
 * Delay before retry number `attempt` (1 = first retry): `min(maxMs, baseMs * 2^(attempt-1))`,
 * jittered. "equal" jitter (default) waits between half and all of that; "full" between 0 and all.
 * `random` returns a number in [0, 1). The result is a whole number of milliseconds.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
  jitter: JitterMode = "equal"
): number {
  const retry = Math.max(1, Math.floor(attempt))
  const base = Math.max(0, baseMs)
  const cap = Math.max(0, maxMs)
  const exponential = Math.min(cap, base * Math.pow(2, retry - 1))
  const r = Math.min(Math.max(random(), 0), 1)
  const delay = jitter === "full" ? exponential * r : exponential / 2 + (exponential / 2) * r
  return Math.round(Math.min(delay, cap))
}

export interface RetryInfo {
  error: unknown
  /** 1 for the first retry. */
  retry: number
  maxRetries: number
  delayMs: number
}

export interface RetryOptions {
  /** Retries after the first attempt; 0 means exactly one attempt. */
  maxRetries: number
  baseDelayMs: number
  /** Upper bound of one delay (default 10 s). */
  maxDelayMs?: number
  jitter?: JitterMode
  isRetryable: (error: unknown) => boolean
  /** Called before each wait. */
  onRetry?: (info: RetryInfo) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export const DEFAULT_MAX_DELAY_MS = 10_000

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Calls `fn(attempt)` (attempt starts at 1) until it resolves, it throws a non-retryable error,
 * or `maxRetries` retries have failed; then rethrows the last error unchanged.
 */
export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const { maxRetries, baseDelayMs, isRetryable, onRetry } = options
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`maxRetries must be a non-negative integer, got ${String(maxRetries)}`)
  }
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random

  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      const retry = attempt
      if (retry > maxRetries || !isRetryable(error)) {
        throw error
      }
      const delayMs = backoffDelay(retry, baseDelayMs, maxDelayMs, random, options.jitter)
      onRetry?.({ error, retry, maxRetries, delayMs })
      await sleep(delayMs)
    }
  }
}
