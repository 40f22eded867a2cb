import {
  checkZonosOrderId,
  formatZonosOrderId,
  normalizeZonosOrderId,
  parseZonosOrderId,
} from "../order-id"

describe("parseZonosOrderId", () => {
  it("treats prefixed, bare and numeric ids as the same order", () => {
    expect(parseZonosOrderId("999-12345")).toBe("12345")
    expect(parseZonosOrderId("12345")).toBe("12345")
    expect(parseZonosOrderId(12345)).toBe("12345")
    expect(parseZonosOrderId("  999-12345 \n")).toBe("12345")
  })

  it("drops leading zeros so the normalised id is a stable key", () => {
    expect(parseZonosOrderId("999-0012345")).toBe("12345")
    expect(parseZonosOrderId("0")).toBe("0")
  })

  it("accepts the documented lengths and no more", () => {
    expect(parseZonosOrderId("1234567890-123456789012345")).toBe("123456789012345")
    expect(parseZonosOrderId("12345678901-1")).toBeNull()
    expect(parseZonosOrderId("1-1234567890123456")).toBeNull()
    expect(parseZonosOrderId("1234567890123456")).toBeNull()
  })

  it("rejects everything else", () => {
    for (const bad of [
      "",
      "   ",
      "abc",
      "999-",
      "-12345",
      "999-12345-1",
      "999 12345",
      "12.5",
      "1e5",
      "+12345",
      -1,
      1.5,
      NaN,
      Infinity,
      Number.MAX_SAFE_INTEGER + 2,
      null,
      undefined,
      {},
      ["12345"],
      "x".repeat(10_000),
    ]) {
      expect(parseZonosOrderId(bad)).toBeNull()
    }
  })

  it("optionally rejects an id of another store", () => {
    expect(parseZonosOrderId("999-1", "999")).toBe("1")
    expect(parseZonosOrderId("123-1", "999")).toBeNull()
    expect(parseZonosOrderId("1", "999")).toBe("1")
  })
})

describe("normalizeZonosOrderId", () => {
  it("returns the normalised id", () => {
    expect(normalizeZonosOrderId("999-1001")).toBe("1001")
  })

  it("throws a plain Error without echoing giant input", () => {
    const giant = "y".repeat(5000)
    let caught: unknown
    try {
      normalizeZonosOrderId(giant)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(Error)
    const message = caught instanceof Error ? caught.message : ""
    expect(message).toMatch(/^Invalid Zonos order id/)
    expect(message.length).toBeLessThan(80)
    expect(() => normalizeZonosOrderId({})).toThrow("Invalid Zonos order id")
  })
})

describe("formatZonosOrderId", () => {
  it("builds the prefixed form", () => {
    expect(formatZonosOrderId("999", "12345")).toBe("999-12345")
  })

  it("refuses ids that are not normalised", () => {
    expect(() => formatZonosOrderId("999", "999-12345")).toThrow()
    expect(() => formatZonosOrderId("abc", "12345")).toThrow()
  })
})

describe("checkZonosOrderId", () => {
  it("reads this store's ids, with or without the prefix", () => {
    expect(checkZonosOrderId("999-01002", "999")).toEqual({ id: "1002", problem: null })
    expect(checkZonosOrderId("1002", "999")).toEqual({ id: "1002", problem: null })
  })

  it("refuses another store's id instead of reading it as ours", () => {
    expect(checkZonosOrderId("998-1002", "999")).toEqual({ id: null, problem: "other_store" })
  })

  it("says when the input is no order id at all", () => {
    expect(checkZonosOrderId("999-12a", "999")).toEqual({ id: null, problem: "malformed" })
    expect(checkZonosOrderId(undefined, "999")).toEqual({ id: null, problem: "malformed" })
  })
})
