export interface SandboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number
  /** Interface to bind; default "127.0.0.1" (loopback only). */
  host?: string
  /** Store id the sandbox answers for; default "999". */
  storeId?: string
  /** API secret the sandbox accepts; default SANDBOX_SECRET. */
  secret?: string
  /** Load the seed orders (default true). */
  seed?: boolean
  /** Clock for order dates, status dates, the missingMerchantOrderId window and the call log. */
  now?: () => Date
}

export interface SandboxFaults {
  /** Added delay before every API answer. */
  latencyMs?: number
  /** 0..1 share of API calls answered HTTP 500 {"error":"Cannot process order detail"} (seeded PRNG). */
  errorRate?: number
  /** The next N API calls answer HTTP 500. */
  failNext?: number
  /** 0..1 share of calls never answered (socket held until the client gives up or the sandbox closes). */
  timeoutRate?: number
  /** The next N API calls are never answered. */
  timeoutNext?: number
  /** The next N API calls answer 200 with a body that is not JSON. */
  malformedNext?: number
  /** 0..1 share of calls answered 200 with a body that is not JSON. */
  malformedRate?: number
  /** If set, faults apply only to these endpoint names, e.g. ["orderDetail"]. */
  endpoints?: string[]
}

export interface CallLogEntry {
  /** Endpoint name, e.g. "orderDetail". */
  endpoint: string
  /** The request body as parsed JSON (or the raw text when it was not JSON), secret replaced by "***". */
  body: unknown
  /** HTTP status answered; 0 while (or because) the call was held unanswered. */
  status: number
  /** ISO time the call arrived. */
  at: string
}

export interface ZonosSandbox {
  /** "http://127.0.0.1:<port>" */
  url: string
  port: number
  storeId: string
  secret: string
  /** Stops the server; destroys held (timed-out) sockets; never hangs. */
  close(): Promise<void>
  /** Adds an order with realistic defaults for every field not given; answers the stored order. */
  addOrder(fields?: Record<string, unknown>): Record<string, unknown>
  /** Sets an order's status (id with or without the store prefix) and its orderStatusDate. */
  setOrderStatus(orderId: string, status: string): void
  getOrder(orderId: string): Record<string, unknown> | undefined
  listOrders(): Record<string, unknown>[]
  setFaults(faults: SandboxFaults): void
  clearFaults(): void
  /** API call counts per endpoint name (every endpoint present, 0 when never called). */
  calls(): Record<string, number>
  callLog(): CallLogEntry[]
  /** The most calls of each endpoint that were open (not yet answered) at one moment since the last reset. */
  peakOpenCalls(): Record<string, number>
  resetCalls(): void
  /** Carts received with createTempCart (without credentials), oldest first, with the order each became. */
  tempCarts(): { uuid: string; cart: Record<string, unknown>; createdAt: string; orderId?: string }[]
  /** Back to the seeded state (seed rebuilt relative to the current clock); faults and calls cleared. */
  reset(): void
}
