import {
  dutyBreakdownRows,
  historyEventText,
  holdReasonText,
  isMerchantReleasable,
  paymentFacts,
  stateLabel,
  sweepCountsText,
  sweepPercent,
  sweepProgressText,
  zonosStatusLabel,
} from "../labels"
import type { ZonosSweep } from "../types"
import { formatMoney, formatRelativeTime } from "../money"
import { failureText, importOutcomeText, rowSummary } from "../outcome-texts"
import { zonosOrderLabel } from "../words"

describe("admin format helpers", () => {
  it("formats decimal-string amounts exactly, in the currency's own digits", () => {
    expect(formatMoney("1234.5", "USD", "en-US")).toBe("$1,234.50")
    expect(formatMoney("566.2", "aud", "en-US")).toBe("A$566.20")
    expect(formatMoney("1500", "JPY", "en-US")).toBe("¥1,500")
    expect(formatMoney("12345678901234567.89", "USD", "en-US")).toBe("$12,345,678,901,234,567.89")
    expect(formatMoney(null, "USD")).toBeNull()
    expect(formatMoney("", "USD")).toBeNull()
    expect(formatMoney("12.5", null)).toBe("12.5")
    expect(formatMoney("not money", "USD")).toBeNull()
  })

  it("says each hold in words, and only screening-list and test holds are the merchant's to release", () => {
    expect(holdReasonText("fraud_review")).toBe("On hold: fraud review by Zonos")
    expect(holdReasonText("csl_match")).toBe("On hold: buyer matched the US screening list - review before shipping")
    expect(holdReasonText("test_order")).toBe("On hold: test order - do not ship")
    expect(holdReasonText("zonos_hold")).toBe("On hold: held at Zonos until it releases the order")
    expect(holdReasonText("something_new")).toBe("On hold: something new")
    expect(isMerchantReleasable("csl_match")).toBe(true)
    expect(isMerchantReleasable("test_order")).toBe(true)
    expect(isMerchantReleasable("fraud_review")).toBe(false)
    expect(isMerchantReleasable("zonos_hold")).toBe(false)
  })

  it("summarises a row by its state, with the failure reason in words", () => {
    expect(rowSummary({ state: "failed", hold_reason: null, last_error: "Zonos answered 500", attempts: 3 })).toBe(
      "Import failed after 3 attempts: Zonos answered 500"
    )
    expect(rowSummary({ state: "held", hold_reason: "fraud_review", last_error: null, attempts: 1 })).toBe(
      "On hold: fraud review by Zonos"
    )
    expect(rowSummary({ state: "imported", hold_reason: null, last_error: null, attempts: 1 })).toBe("Ready to fulfil")
    expect(failureText(null, 1)).toBe("Import failed")
    expect(stateLabel("needs_attention")).toBe("Needs attention")
  })

  it("names Zonos statuses, unknown ones included", () => {
    expect(zonosStatusLabel("IGLOBAL_FRAUD_REVIEW")).toBe("Fraud review")
    expect(zonosStatusLabel("IGLOBAL_ORDER_CANCELED")).toBe("Cancelled")
    expect(zonosStatusLabel("IGLOBAL_BRAND_NEW_STATE")).toBe("Brand new state")
    expect(zonosStatusLabel(null)).toBe("Unknown")
  })

  it("labels ids, counts, duties, payment and history", () => {
    expect(zonosOrderLabel("1001", "999")).toBe("999-1001")
    expect(zonosOrderLabel("999-1001", "999")).toBe("999-1001")
    expect(zonosOrderLabel("1001")).toBe("1001")
    expect(sweepCountsText({ listed: 12, imported: 9, on_hold: 2, cancelled: 0, failed: 1 })).toBe(
      "12 listed · 9 imported · 2 on hold · 1 failed"
    )
    expect(sweepCountsText({ listed: 0 })).toBe("0 listed")
    expect(dutyBreakdownRows({ duty: "13.9", vatTax: "32.6", brokerageFee: "0", prepaymentFee: "0.00" })).toEqual([
      { key: "duty", label: "Duty", amount: "13.9" },
      { key: "vatTax", label: "VAT / sales tax", amount: "32.6" },
    ])
    expect(paymentFacts({ paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "VISA", lastFour: "4242" })).toEqual({
      card: "Visa •••• 4242",
      gateway: "Stripe",
    })
    expect(paymentFacts({ paymentGateway: "iGlobal_CC", paymentProcessor: "CYBERSOURCE", cardType: "VISA" })).toEqual({
      card: "Visa",
      gateway: "iGlobal CC (CyberSource)",
    })
    expect(paymentFacts(null)).toEqual({ card: null, gateway: null })
    expect(historyEventText({ event: "import_failed" })).toBe("Import failed")
    expect(historyEventText({ event: "held: fraud review by Zonos" })).toBe("Held: fraud review by Zonos")
  })

  it("tells relative times from a given now", () => {
    const now = new Date("2026-11-25T12:00:00Z")
    expect(formatRelativeTime("2026-11-25T11:57:00Z", now, "en")).toBe("3 minutes ago")
    expect(formatRelativeTime("2026-11-25T12:15:00Z", now, "en")).toBe("in 15 minutes")
    expect(formatRelativeTime("2026-11-25T12:00:03Z", now, "en")).toBe("just now")
    expect(formatRelativeTime(null, now)).toBe("-")
  })

  it("words the outcome of an import for a toast", () => {
    const base = { record_id: "zord_1", zonos_order_number: "1004", order_id: "order_1", display_id: 2, last_error: null }
    expect(importOutcomeText({ ...base, state: "held", hold_reason: "fraud_review", outcome: "on_hold" }, "999")).toEqual({
      title: "Zonos order 999-1004 imported, on hold",
      description: "Imported as order #2. On hold: fraud review by Zonos.",
      tone: "warning",
    })
    expect(
      importOutcomeText({ ...base, state: "failed", hold_reason: null, outcome: "failed", order_id: null, display_id: null, last_error: "HTTP 500" })
        .description
    ).toBe("Import failed: HTTP 500")
  })

  it("says how far a running sweep is", () => {
    const sweep: ZonosSweep = {
      id: "zswp_1",
      trigger: "backfill",
      status: "running",
      started_at: "2026-12-02T00:00:00Z",
      finished_at: null,
      since_date: "20260101",
      cursor_date: null,
      counts: { listed: 50, imported: 12 },
      error: null,
      total: 50,
      done: 12,
    }
    expect(sweepProgressText(sweep)).toBe("12 of 50 orders handled")
    expect(sweepPercent(sweep)).toBe(24)
    expect(sweepProgressText({ ...sweep, total: null, done: undefined })).toBe("Listing orders at Zonos")
    expect(sweepPercent({ ...sweep, status: "succeeded", total: 0, done: 0 })).toBe(100)
  })
})
