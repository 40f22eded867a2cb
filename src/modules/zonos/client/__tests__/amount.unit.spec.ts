import { z } from "@medusajs/framework/zod"
import {
  canonicalDecimalFromNumber,
  canonicalDecimalString,
  zonosAmount,
  zonosOptionalAmount,
} from "../amount"

describe("zonosAmount", () => {
  it.each([
    ["45.00", "45"],
    ["45", "45"],
    [" 12.30 ", "12.3"],
    ["-5", "-5"],
    ["-5.50", "-5.5"],
    ["+7.25", "7.25"],
    ["007.50", "7.5"],
    [".5", "0.5"],
    ["5.", "5"],
    ["0.00", "0"],
    ["-0.00", "0"],
    ["123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"],
  ])("canonicalises the string %j to %j", (input, expected) => {
    expect(zonosAmount.parse(input)).toBe(expected)
  })

  it.each([
    [45, "45"],
    [45.1, "45.1"],
    [0.1, "0.1"],
    [-5, "-5"],
    [-0, "0"],
    [75.84, "75.84"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [-2.5e-7, "-0.00000025"],
  ])("canonicalises the number %p to %j", (input, expected) => {
    expect(zonosAmount.parse(input)).toBe(expected)
  })

  it("gives numbers and strings of the same value the same string", () => {
    expect(zonosAmount.parse(25)).toBe(zonosAmount.parse("25.00"))
    expect(zonosAmount.parse(12.34)).toBe(zonosAmount.parse("12.340"))
  })

  it.each(["", "   ", "abc", "1e5", "1E-2", "NaN", "Infinity", "-", ".", "1,234.56", "$45", "45 USD", "0x10", "--5"])(
    "rejects %j with a clear issue",
    (input) => {
      const result = zonosAmount.safeParse(input)
      expect(result.success).toBe(false)
      if (!result.success) {
        expect(result.error.issues[0]?.message).toMatch(/Invalid amount/)
      }
    }
  )

  it.each([NaN, Infinity, -Infinity, null, undefined, true, {}])("rejects %p", (input) => {
    expect(zonosAmount.safeParse(input).success).toBe(false)
  })

  it("names the field in an object", () => {
    const result = z.object({ grandTotal: zonosAmount }).safeParse({ grandTotal: "1e3" })
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(result.error.issues[0]?.path).toEqual(["grandTotal"])
    }
  })
})

describe("zonosOptionalAmount", () => {
  it("reads missing, null and blank as no value", () => {
    const schema = z.object({ a: zonosOptionalAmount })
    expect(schema.parse({}).a).toBeUndefined()
    expect(schema.parse({ a: null }).a).toBeNull()
    expect(schema.parse({ a: "" }).a).toBeNull()
    expect(schema.parse({ a: "3.10" }).a).toBe("3.1")
    expect(schema.safeParse({ a: "three" }).success).toBe(false)
  })
})

describe("helpers", () => {
  it("canonicalDecimalString and canonicalDecimalFromNumber", () => {
    expect(canonicalDecimalString("1e5")).toBeNull()
    expect(canonicalDecimalString("9".repeat(100))).toBeNull()
    expect(canonicalDecimalFromNumber(NaN)).toBeNull()
    expect(canonicalDecimalFromNumber(0.1 + 0.2)).toBe("0.30000000000000004")
  })
})
