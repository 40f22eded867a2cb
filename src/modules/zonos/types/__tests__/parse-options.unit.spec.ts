import { parseZonosOptions } from "../parse-options"

const SECRET = "5f0c8a2e-3b1d-4c7a-9e6f-0a1b2c3d4e5f"

describe("parseZonosOptions", () => {
  it("applies the documented defaults", () => {
    expect(parseZonosOptions({ storeId: "999", secret: SECRET })).toEqual({
      storeId: "999",
      secret: SECRET,
      apiUrl: "https://api.iglobalstores.com",
      timeoutMs: 10000,
      maxRetries: 3,
      storefrontSuccessUrl: "/zonos/thank-you",
      successPageWaitMs: 8000,
      successPageMaxInFlight: 8,
      checkoutMaxInFlight: 8,
      currency: "usd",
      holdTestOrders: true,
      sweepConcurrency: 4,
      sweepStopAfterFailures: 5,
      sweepStaleSeconds: 300,
      sweepLookbackDays: 14,
      checkoutUrl: "https://checkout.iglobalstores.com/",
      checkoutCurrencies: ["usd"],
      weightUnits: "G",
      dimensionUnits: "CM",
    })
  })

  it("accepts numbers and booleans written as strings (values read from env)", () => {
    const options = parseZonosOptions({
      storeId: 999,
      secret: SECRET,
      timeoutMs: "2500",
      maxRetries: "0",
      holdTestOrders: "false",
      currency: "foreign",
    })
    expect(options).toEqual(
      expect.objectContaining({ storeId: "999", timeoutMs: 2500, maxRetries: 0, holdTestOrders: false, currency: "foreign" })
    )
  })

  it.each([
    [{ storeId: "999" }, 'invalid option "secret": secret is required'],
    [{ storeId: "999", secret: SECRET, sweepStopAfterFailures: 0 }, 'invalid option "sweepStopAfterFailures": sweepStopAfterFailures must be greater than 0'],
    [{ storeId: "999", secret: "   " }, 'invalid option "secret": secret is required'],
    [{ secret: SECRET }, 'invalid option "storeId": storeId is required'],
    [{ storeId: "abc", secret: SECRET }, 'invalid option "storeId": storeId must be the numeric Zonos store id'],
    [{ storeId: "999", secret: SECRET, apiUrl: "ftp://x" }, 'invalid option "apiUrl"'],
    [{ storeId: "999", secret: SECRET, timeoutMs: "soon" }, 'invalid option "timeoutMs": timeoutMs must be a whole number'],
    [{ storeId: "999", secret: SECRET, maxRetries: -1 }, 'invalid option "maxRetries": maxRetries must be 0 or more'],
    [{ storeId: "999", secret: SECRET, currency: "eur" }, 'invalid option "currency": currency must be "usd" or "foreign"'],
  ])("names the bad option in one line: %j", (raw, expected) => {
    expect(() => parseZonosOptions(raw)).toThrow(expected)
  })

  it("never echoes the secret or a bad value", () => {
    const messages: string[] = []
    for (const raw of [
      { storeId: "not-a-number-" + SECRET, secret: SECRET },
      { storeId: "999", secret: SECRET, apiUrl: SECRET },
      { storeId: "999", secret: SECRET, timeoutMs: SECRET },
    ]) {
      try {
        parseZonosOptions(raw)
      } catch (error) {
        messages.push(String(error instanceof Error ? error.message : error))
      }
    }
    expect(messages).toHaveLength(3)
    for (const message of messages) {
      expect(message).not.toContain(SECRET)
      expect(message.split("\n")).toHaveLength(1)
    }
  })
})
