/**
 * The client over real HTTP against the project's Zonos sandbox (no mocked fetch).
 */
import { createServer } from "node:net"
import { inspect } from "node:util"
import {
  SANDBOX_SECRET,
  SANDBOX_STORE_ID,
  startZonosSandbox,
  ZonosSandbox,
} from "../../../../sandbox"
import {
  isZonosError,
  ZonosError,
  ZonosInvalidCredentialsError,
  ZonosInvalidRequestError,
  ZonosMalformedResponseError,
  ZonosNetworkError,
  ZonosOrderNotFoundError,
  ZonosServerError,
  ZonosTimeoutError,
} from "../errors"
import { ZonosClient, ZonosClientOptions } from "../zonos-client"

const WRONG_SECRET = "11111111-2222-4333-8444-555555555555"

/** Every log line and every error seen in this file, checked for the secret at the end. */
const logLines: string[] = []
const errorTexts: string[] = []
const logger = {
  warn: (message: string) => logLines.push(`warn ${message}`),
  debug: (message: string) => logLines.push(`debug ${message}`),
}

let sb: ZonosSandbox

function makeClient(overrides: Partial<ZonosClientOptions> = {}): ZonosClient {
  return new ZonosClient({
    storeId: SANDBOX_STORE_ID,
    secret: SANDBOX_SECRET,
    apiUrl: sb.url,
    timeoutMs: 3000,
    maxRetries: 0,
    retryBaseDelayMs: 5,
    logger,
    ...overrides,
  })
}

function record(error: unknown): void {
  if (error instanceof Error) {
    errorTexts.push(error.message, String(error.stack), inspect(error, { depth: 5 }))
  }
  try {
    errorTexts.push(JSON.stringify(error))
  } catch {
    // ignore
  }
}

/** Awaits a rejection, checks its class, records it, and returns it. */
async function rejection<E extends ZonosError>(
  promise: Promise<unknown>,
  errorClass: new (...args: never[]) => E
): Promise<E> {
  let caught: unknown = undefined
  let rejected = false
  try {
    await promise
  } catch (error) {
    rejected = true
    caught = error
    record(error)
  }
  expect(rejected).toBe(true)
  expect(caught).toBeInstanceOf(errorClass)
  if (!(caught instanceof errorClass)) {
    throw new Error(`expected ${errorClass.name}, got ${String(caught)}`)
  }
  expect(isZonosError(caught)).toBe(true)
  return caught
}

function lastCall(endpoint: string): Record<string, unknown> {
  const entries = sb.callLog().filter((entry) => entry.endpoint === endpoint)
  const body = entries[entries.length - 1]?.body
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new Error(`no JSON call to ${endpoint} recorded`)
  }
  return { ...body }
}

async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

beforeAll(async () => {
  sb = await startZonosSandbox({ port: 0 })
})

afterAll(async () => {
  await sb?.close()
})

beforeEach(() => {
  sb.reset()
})

describe("ZonosClient over HTTP: happy paths", () => {
  it("orderDetail by orderId, in every accepted form, sending store AND storeId", async () => {
    const client = makeClient()
    const byPrefixed = await client.orderDetail({ orderId: "999-1001" })
    const byBare = await client.orderDetail({ orderId: "1001" })
    const byNumber = await client.orderDetail({ orderId: 1001 })
    expect(byPrefixed.orderId).toBe("999-1001")
    expect(byBare).toEqual(byPrefixed)
    expect(byNumber).toEqual(byPrefixed)
    expect(typeof byPrefixed.grandTotal).toBe("string")
    expect(byPrefixed.items?.length).toBeGreaterThan(0)

    const sent = lastCall("orderDetail")
    expect(sent).toEqual({ store: "999", storeId: "999", secret: "***", orderId: "999-1001" })
    expect(sb.calls().orderDetail).toBe(3)
  })

  it("orderDetail by referenceId", async () => {
    const stored = sb.getOrder("999-1002")
    const referenceId = stored?.referenceId
    if (typeof referenceId !== "string") throw new Error("seed order has no referenceId")
    const order = await makeClient().orderDetail({ referenceId })
    expect(order.orderId).toBe("999-1002")
    expect(order.referenceId).toBe(referenceId)
    expect(lastCall("orderDetail")).toEqual({
      store: "999",
      storeId: "999",
      secret: "***",
      referenceId,
    })
  })

  it("orderNumbers since an order id, with statuses", async () => {
    const result = await makeClient().orderNumbers({ sinceOrderId: "999-1001", statuses: true })
    expect(result.orders.length).toBeGreaterThan(0)
    expect(result.orders.every((o) => o.id !== "999-1001")).toBe(true)
    expect(result.orders[0]?.id).toBe("999-1002")
    expect(result.orders.every((o) => typeof o.status === "string")).toBe(true)
    expect(result.orders.every((o) => typeof o.testOrder === "boolean")).toBe(true)
    expect(result.orders.some((o) => o.status === "IGLOBAL_FRAUD_REVIEW")).toBe(true)
    expect(lastCall("orderNumbers")).toEqual({
      store: "999",
      secret: "***",
      sinceOrderId: "999-1001",
      statuses: true,
    })
  })

  it("orderNumbers by date range (Date -> UTC yyyymmdd) and by missing merchantOrderId", async () => {
    const client = makeClient()
    const since = new Date(Date.now() - 30 * 24 * 3600 * 1000)
    const all = await client.orderNumbers({ sinceDate: since, throughDate: new Date() })
    const sent = lastCall("orderNumbers")
    const expected = since.toISOString().slice(0, 10).replace(/-/g, "")
    expect(sent.sinceDate).toBe(expected)
    expect(sent.throughDate).toMatch(/^\d{8}$/)
    expect(sent).not.toHaveProperty("statuses")
    expect(all.orders.length).toBe(sb.listOrders().length)

    const missing = await client.orderNumbers({ missingMerchantOrderId: true })
    expect(lastCall("orderNumbers")).toEqual({
      store: "999",
      secret: "***",
      missingMerchantOrderId: true,
    })
    expect(missing.orders.length).toBeGreaterThan(0)
  })

  it("updateMerchantOrderId writes the merchant's number back", async () => {
    const client = makeClient()
    await expect(client.updateMerchantOrderId("1001", "order_01ABC")).resolves.toBeUndefined()
    expect(sb.getOrder("999-1001")?.merchantOrderId).toBe("order_01ABC")
    expect(lastCall("updateMerchantOrderId")).toEqual({
      store: "999",
      secret: "***",
      orderId: "999-1001",
      merchantOrderId: "order_01ABC",
    })
    const missing = await client.orderNumbers({ missingMerchantOrderId: true })
    expect(missing.orders.map((o) => o.id)).not.toContain("999-1001")
  })

  it("updateVendorOrderStatus sets a VENDOR_* status", async () => {
    const added = sb.addOrder()
    const orderId = String(added.orderId)
    await makeClient().updateVendorOrderStatus(orderId, "VENDOR_PREPARING_ORDER")
    expect(sb.getOrder(orderId)?.orderStatus).toBe("VENDOR_PREPARING_ORDER")
    expect(lastCall("updateVendorOrderStatus")).toMatchObject({
      store: "999",
      secret: "***",
      orderStatus: "VENDOR_PREPARING_ORDER",
    })
  })

  it("setShipmentTracking sends trackingList [{number}]", async () => {
    await makeClient().setShipmentTracking("999-1001", ["1Z999", " 1Z888 ", "1Z999"])
    expect(lastCall("setShipmentTracking")).toEqual({
      store: "999",
      secret: "***",
      orderId: "999-1001",
      trackingList: [{ number: "1Z999" }, { number: "1Z888" }],
    })
    expect(sb.getOrder("999-1001")?.trackingNumber).toBe("1Z999,1Z888")
  })

  it("works with a trailing slash on apiUrl", async () => {
    const order = await makeClient({ apiUrl: `${sb.url}/` }).orderDetail({ orderId: "1001" })
    expect(order.orderId).toBe("999-1001")
  })
})

describe("ZonosClient over HTTP: data", () => {
  it("string and number amounts parse to the same exact values", async () => {
    const common = {
      countryCode: "GB",
      shippingTotal: 19.95,
      dutyTaxesBreakdown: { duty: 3.1, vatTax: 10.39 },
      promoCode: { code: "WELCOME5", amount: 5 },
    }
    const asNumbers = sb.addOrder({
      ...common,
      items: [
        { productId: "p1", description: "Tee", quantity: 2, unitPrice: 25.5 },
        { description: "Discount", quantity: 1, unitPrice: -0.1 },
      ],
    })
    const asStrings = sb.addOrder({
      ...common,
      shippingTotal: "19.95",
      promoCode: { code: "WELCOME5", amount: "5.00" },
      items: [
        { productId: "p1", description: "Tee", quantity: "2", unitPrice: "25.50" },
        { description: "Discount", quantity: "1", unitPrice: "-0.10" },
      ],
    })
    expect(typeof asStrings.grandTotal).toBe("string")
    expect(typeof asNumbers.grandTotal).toBe("number")

    const client = makeClient()
    const a = await client.orderDetail({ orderId: String(asNumbers.orderId) })
    const b = await client.orderDetail({ orderId: String(asStrings.orderId) })
    const amountKeys = [
      "itemsTotal",
      "shippingTotal",
      "dutyTaxesTotal",
      "grandTotal",
      "itemsTotalForeign",
      "shippingTotalForeign",
      "dutyTaxesTotalForeign",
      "grandTotalForeign",
      "quotedDutyTaxes",
      "quotedDutyTaxesForeign",
    ] as const
    for (const key of amountKeys) {
      expect([key, b[key]]).toEqual([key, a[key]])
      expect(typeof a[key]).toBe("string")
    }
    expect(b.dutyTaxesBreakdown).toEqual(a.dutyTaxesBreakdown)
    expect(b.promoCode?.amount).toBe("5")
    expect(a.promoCode?.amount).toBe("5")
    expect(b.items?.map((i) => [i.quantity, i.unitPrice])).toEqual([
      [2, "25.5"],
      [1, "-0.1"],
    ])
    expect(a.items?.map((i) => [i.quantity, i.unitPrice])).toEqual([
      [2, "25.5"],
      [1, "-0.1"],
    ])
    // 2 x 25.50 - 0.10 + 19.95 + 3.10 + 10.39 - 5.00, exactly
    expect(a.itemsTotal).toBe("50.9")
    expect(a.grandTotal).toBe("79.34")
  })

  it("keeps unknown keys at every level", async () => {
    const added = sb.addOrder({
      brandNewZonosKey: { nested: [1, 2] },
      items: [{ productId: "p1", description: "Tee", quantity: 1, unitPrice: 10, itemGiftWrap: true }],
      paymentProcessing: { walletType: "APPLE_PAY" },
    })
    const order = await makeClient().orderDetail({ orderId: String(added.orderId) })
    expect(order.brandNewZonosKey).toEqual({ nested: [1, 2] })
    expect(order.items?.[0]?.itemGiftWrap).toBe(true)
    expect(order.paymentProcessing?.walletType).toBe("APPLE_PAY")
    expect(order.itemBrand).toBeUndefined()
  })

  it("accepts a status it does not know", async () => {
    const added = sb.addOrder()
    sb.setOrderStatus(String(added.orderId), "IGLOBAL_SOMETHING_NEW")
    const order = await makeClient().orderDetail({ orderId: String(added.orderId) })
    expect(order.orderStatus).toBe("IGLOBAL_SOMETHING_NEW")
  })

  it("a field of the wrong shape is a malformed response naming that field", async () => {
    const added = sb.addOrder({ testOrder: "perhaps" })
    const error = await rejection(
      makeClient({ maxRetries: 3 }).orderDetail({ orderId: String(added.orderId) }),
      ZonosMalformedResponseError
    )
    expect(error.message).toContain("order.testOrder")
    expect(error.message).not.toContain("Amelia")
    expect(error.retryable).toBe(false)
    expect(sb.calls().orderDetail).toBe(1)
  })
})

describe("ZonosClient over HTTP: documented errors", () => {
  it("a bad secret is invalid credentials, not retried", async () => {
    const client = makeClient({ secret: WRONG_SECRET, maxRetries: 3 })
    const error = await rejection(client.orderDetail({ orderId: "1001" }), ZonosInvalidCredentialsError)
    expect(error.code).toBe("invalid_credentials")
    expect(error.httpStatus).toBe(400)
    expect(error.zonosMessage).toBe("Invalid security credentials")
    expect(sb.calls().orderDetail).toBe(1)
    await rejection(client.orderNumbers({ missingMerchantOrderId: true }), ZonosInvalidCredentialsError)
    await rejection(client.setShipmentTracking("1001", ["1Z"]), ZonosInvalidCredentialsError)
  })

  it("a bad store id is invalid credentials", async () => {
    await rejection(
      makeClient({ storeId: "998" }).orderDetail({ orderId: "1001" }),
      ZonosInvalidCredentialsError
    )
  })

  it("an unknown order is order not found, with a helpful message, not retried", async () => {
    const error = await rejection(
      makeClient({ maxRetries: 3 }).orderDetail({ orderId: "999-987654" }),
      ZonosOrderNotFoundError
    )
    expect(error.message).toBe(
      'Zonos orderDetail for order 999-987654: order not found (Zonos said: "Could not find an order with orderId: 999-987654")'
    )
    expect(error.orderId).toBe("999-987654")
    expect(sb.calls().orderDetail).toBe(1)
  })

  it("an unknown referenceId is order not found", async () => {
    const error = await rejection(
      makeClient().orderDetail({ referenceId: "no-such-cart" }),
      ZonosOrderNotFoundError
    )
    expect(error.message).toContain('for referenceId "no-such-cart"')
  })

  it("both or neither of orderId/referenceId is refused before anything is sent", async () => {
    const client = makeClient()
    const both: { orderId: string; referenceId?: never } = { orderId: "1001" }
    Object.assign(both, { referenceId: "abc" })
    await rejection(client.orderDetail(both), ZonosInvalidRequestError)
    const neither: { referenceId: string } = { referenceId: "x" }
    Reflect.deleteProperty(neither, "referenceId")
    await rejection(client.orderDetail(neither), ZonosInvalidRequestError)
    expect(sb.calls().orderDetail).toBe(0)
  })

  it("bad arguments are refused before anything is sent", async () => {
    const client = makeClient()
    await rejection(client.orderDetail({ orderId: "abc" }), ZonosInvalidRequestError)
    await rejection(client.orderDetail({ orderId: "123-1001" }), ZonosInvalidRequestError)
    await rejection(client.updateMerchantOrderId("1001", "  "), ZonosInvalidRequestError)
    await rejection(client.setShipmentTracking("1001", []), ZonosInvalidRequestError)
    await rejection(client.orderNumbers({ sinceDate: "2024-01-01" }), ZonosInvalidRequestError)
    await rejection(client.orderNumbers({ sinceDate: "20240230" }), ZonosInvalidRequestError)
    await rejection(
      client.orderNumbers({ sinceDate: "20240301", throughDate: "20240201" }),
      ZonosInvalidRequestError
    )
    const total = Object.values(sb.calls()).reduce((sum, n) => sum + n, 0)
    expect(total).toBe(0)
  })

  it("an error in an HTTP 200 body is an error (updateMerchantOrderId, unknown order)", async () => {
    const error = await rejection(
      makeClient({ maxRetries: 3 }).updateMerchantOrderId("999-987654", "order_X"),
      ZonosOrderNotFoundError
    )
    expect(error.httpStatus).toBe(200)
    expect(error.message).toContain("Could not retrieve order to updateMerchantOrderId")
    expect(sb.calls().updateMerchantOrderId).toBe(1)
  })

  it("a status update refused with HTTP 200 (fraud review) is an invalid request", async () => {
    const added = sb.addOrder()
    sb.setOrderStatus(String(added.orderId), "IGLOBAL_FRAUD_REVIEW")
    const error = await rejection(
      makeClient().updateVendorOrderStatus(String(added.orderId), "VENDOR_SHIPMENT_READY"),
      ZonosInvalidRequestError
    )
    expect(error.httpStatus).toBe(200)
    expect(error.zonosMessage).toContain("IGLOBAL_FRAUD_REVIEW")
  })
})

describe("ZonosClient over HTTP: faults, retries and timeouts", () => {
  it("retries HTTP 500 and then succeeds (failNext 2, maxRetries 3: 3 calls)", async () => {
    sb.setFaults({ failNext: 2 })
    const warnings: string[] = []
    const client = makeClient({
      maxRetries: 3,
      logger: {
        warn: (message) => {
          warnings.push(message)
          logger.warn(message)
        },
      },
    })
    const order = await client.orderDetail({ orderId: "999-1001" })
    expect(order.orderId).toBe("999-1001")
    expect(sb.calls().orderDetail).toBe(3)
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(
      /^Zonos orderDetail for order 999-1001 failed \(server_error, HTTP 500\); retry 1 of 3 in \d+ ms$/
    )
    expect(warnings[1]).toMatch(/retry 2 of 3 in \d+ ms$/)
  })

  it("gives up after maxRetries with a server error", async () => {
    sb.setFaults({ failNext: 10 })
    const error = await rejection(
      makeClient({ maxRetries: 2 }).orderNumbers({ sinceOrderId: "1001" }),
      ZonosServerError
    )
    expect(error.httpStatus).toBe(500)
    expect(error.retryable).toBe(true)
    expect(error.attempts).toBe(3)
    expect(sb.calls().orderNumbers).toBe(3)
  })

  it("does not retry a 400 (setShipmentTracking, unknown order)", async () => {
    await rejection(
      makeClient({ maxRetries: 3 }).setShipmentTracking("999-987654", ["1Z"]),
      ZonosOrderNotFoundError
    )
    expect(sb.calls().setShipmentTracking).toBe(1)
  })

  it("a timeout fires within timeoutMs plus slack", async () => {
    sb.setFaults({ timeoutNext: 1 })
    const started = Date.now()
    const error = await rejection(
      makeClient({ timeoutMs: 300, maxRetries: 0 }).orderDetail({ orderId: "1001" }),
      ZonosTimeoutError
    )
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(1000)
    expect(error.code).toBe("timeout")
    expect(error.message).toBe("Zonos orderDetail for order 999-1001: timed out after 300 ms")
  })

  it("retries a timeout and then succeeds", async () => {
    sb.setFaults({ timeoutNext: 1 })
    const order = await makeClient({ timeoutMs: 300, maxRetries: 1 }).orderDetail({ orderId: "1001" })
    expect(order.orderId).toBe("999-1001")
    expect(sb.calls().orderDetail).toBe(2)
  })

  it("latency below the timeout is fine", async () => {
    sb.setFaults({ latencyMs: 100 })
    const order = await makeClient({ timeoutMs: 1000 }).orderDetail({ orderId: "1001" })
    expect(order.orderId).toBe("999-1001")
  })

  it("a non-JSON body is a malformed response, not retried", async () => {
    sb.setFaults({ malformedNext: 1 })
    const error = await rejection(
      makeClient({ maxRetries: 3 }).orderDetail({ orderId: "1001" }),
      ZonosMalformedResponseError
    )
    expect(error.message).toMatch(/not JSON/)
    expect(error.httpStatus).toBe(200)
    expect(sb.calls().orderDetail).toBe(1)
  })

  it("faults limited to one endpoint leave the others alone", async () => {
    sb.setFaults({ failNext: 1, endpoints: ["orderNumbers"] })
    await expect(makeClient().orderDetail({ orderId: "1001" })).resolves.toBeDefined()
    await rejection(makeClient().orderNumbers({ sinceOrderId: "1001" }), ZonosServerError)
  })

  it("connection refused is a network error, retried", async () => {
    const url = await closedPortUrl()
    const warnings: string[] = []
    const error = await rejection(
      makeClient({
        apiUrl: url,
        maxRetries: 1,
        logger: {
          warn: (message) => {
            warnings.push(message)
            logger.warn(message)
          },
        },
      }).orderDetail({ orderId: "1001" }),
      ZonosNetworkError
    )
    expect(error.message).toContain("ECONNREFUSED")
    expect(error.attempts).toBe(2)
    expect(warnings[0]).toMatch(/failed \(network_error\); retry 1 of 1 in \d+ ms$/)
  })
})

describe("the secret", () => {
  it("is not visible on the client object", () => {
    const client = makeClient()
    expect(JSON.stringify(client)).not.toContain(SANDBOX_SECRET)
    expect(inspect(client, { showHidden: true, depth: 10 })).not.toContain(SANDBOX_SECRET)
  })

  it("never appears in any error or log line of this file", () => {
    expect(errorTexts.length).toBeGreaterThan(20)
    expect(logLines.length).toBeGreaterThan(10)
    for (const text of [...errorTexts, ...logLines]) {
      expect(text.toLowerCase()).not.toContain(SANDBOX_SECRET.toLowerCase())
      expect(text.toLowerCase()).not.toContain(WRONG_SECRET.toLowerCase())
    }
  })
})
