import { classifyZonosError, zonosErrorText } from "../classify-error"
import {
  isZonosError,
  ZonosInvalidCredentialsError,
  ZonosInvalidRequestError,
  ZonosOrderNotFoundError,
  ZonosServerError,
} from "../errors"
import { createRedactor } from "../redact"

const SECRET = "0f3c2a9e-1111-4222-8333-abcdefabcdef"

describe("classifyZonosError", () => {
  it("returns null for a success body", () => {
    expect(
      classifyZonosError({ endpoint: "orderDetail", httpStatus: 200, body: { order: {} } })
    ).toBeNull()
    expect(
      classifyZonosError({ endpoint: "updateMerchantOrderId", httpStatus: 200, body: { success: "ok" } })
    ).toBeNull()
  })

  it("maps invalid credentials", () => {
    const error = classifyZonosError({
      endpoint: "orderDetail",
      httpStatus: 400,
      body: { error: "Invalid security credentials" },
      orderId: "999-1001",
    })
    expect(error).toBeInstanceOf(ZonosInvalidCredentialsError)
    expect(error?.code).toBe("invalid_credentials")
    expect(error?.retryable).toBe(false)
    expect(error?.httpStatus).toBe(400)
  })

  it("maps an unknown order, with a message naming the order and quoting Zonos", () => {
    const error = classifyZonosError({
      endpoint: "orderDetail",
      httpStatus: 400,
      body: { error: "Could not find an order with orderId: 999-1001" },
      orderId: "999-1001",
    })
    expect(error).toBeInstanceOf(ZonosOrderNotFoundError)
    expect(error?.message).toBe(
      'Zonos orderDetail for order 999-1001: order not found (Zonos said: "Could not find an order with orderId: 999-1001")'
    )
    expect(error?.orderId).toBe("999-1001")
    expect(error?.zonosMessage).toBe("Could not find an order with orderId: 999-1001")
  })

  it.each([
    "No order found for referenceId abc in store 999",
    "Could not retrieve order to updateMerchantOrderId for orderId: 99999",
    "Cannot retrieve order for referenceId: abc",
  ])("maps %j to not found", (text) => {
    const error = classifyZonosError({ endpoint: "orderDetail", httpStatus: 400, body: { error: text } })
    expect(error?.code).toBe("order_not_found")
  })

  it.each([
    [400, { error: "Invalid post body" }],
    [400, { error: "Cannot specify both Parameters orderId and referenceId" }],
    [404, "<html>Not Found</html>"],
    [406, "<html><body>Not Acceptable</body></html>"],
    [415, "<html>Unsupported Media Type</html>"],
    [409, undefined],
    [302, undefined],
  ])("maps HTTP %p %j to invalid request", (status, body) => {
    const error = classifyZonosError({ endpoint: "orderDetail", httpStatus: status, body })
    expect(error).toBeInstanceOf(ZonosInvalidRequestError)
    expect(error?.retryable).toBe(false)
  })

  it("keeps a short excerpt of an HTML body", () => {
    const error = classifyZonosError({
      endpoint: "orderDetail",
      httpStatus: 415,
      body: "<html><body><h1>Unsupported   Media Type</h1></body></html>",
    })
    expect(error?.zonosMessage).toBe("Unsupported Media Type")
    expect(error?.message).toContain("Content-Type")
  })

  it.each([500, 502, 503, 504])("maps HTTP %p to a retryable server error", (status) => {
    const error = classifyZonosError({
      endpoint: "orderNumbers",
      httpStatus: status,
      body: { error: "Cannot process order detail" },
    })
    expect(error).toBeInstanceOf(ZonosServerError)
    expect(error?.retryable).toBe(true)
    expect(error?.message).toContain(`HTTP ${status}`)
  })

  it("maps 429 to a retryable server error", () => {
    expect(classifyZonosError({ endpoint: "orderNumbers", httpStatus: 429, body: "" })?.retryable).toBe(true)
  })

  it("treats ANY error key as an error, even with HTTP 200", () => {
    const notFound = classifyZonosError({
      endpoint: "updateMerchantOrderId",
      httpStatus: 200,
      body: { error: "Could not retrieve order to updateMerchantOrderId for orderId: 5" },
    })
    expect(notFound?.code).toBe("order_not_found")
    const invalid = classifyZonosError({
      endpoint: "updateMerchantOrderId",
      httpStatus: 200,
      body: { error: "Parameter merchantOrderId is required to updateMerchantOrderId." },
    })
    expect(invalid?.code).toBe("invalid_request")
    const creds = classifyZonosError({
      endpoint: "orderNumbers",
      httpStatus: 200,
      body: { error: "Invalid security credentials", orders: [] },
    })
    expect(creds?.code).toBe("invalid_credentials")
    const objectError = classifyZonosError({
      endpoint: "orderNumbers",
      httpStatus: 200,
      body: { error: { reason: "bad" } },
    })
    expect(objectError?.zonosMessage).toBe('{"reason":"bad"}')
  })

  it("reads error: null as no error", () => {
    expect(zonosErrorText({ error: null })).toBeUndefined()
    expect(zonosErrorText([{ error: "x" }])).toBeUndefined()
    expect(zonosErrorText("error")).toBeUndefined()
  })

  it("redacts the secret from Zonos's text", () => {
    const error = classifyZonosError({
      endpoint: "orderDetail",
      httpStatus: 400,
      body: { error: `Invalid security credentials for secret ${SECRET.toUpperCase()}` },
      redact: createRedactor(SECRET),
    })
    expect(error?.message).not.toContain(SECRET)
    expect(error?.message.toLowerCase()).not.toContain(SECRET)
    expect(error?.message).toContain("[redacted]")
  })

  it("errors are recognised by isZonosError", () => {
    const error = classifyZonosError({ endpoint: "orderDetail", httpStatus: 500, body: undefined })
    expect(isZonosError(error)).toBe(true)
    expect(isZonosError(new Error("x"))).toBe(false)
    expect(error).toBeInstanceOf(Error)
    expect(error?.name).toBe("ZonosServerError")
  })
})
