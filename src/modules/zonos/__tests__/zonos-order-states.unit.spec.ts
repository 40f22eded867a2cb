import {
  HOLD_REASON_TEXT,
  isMerchantReleasable,
  stateAfterImportFailure,
  stateAfterZonosStatus,
  ZONOS_HOLD_REASONS,
} from "../zonos-order-states"

describe("hold reasons", () => {
  it("has merchant-readable words for every reason", () => {
    for (const reason of ZONOS_HOLD_REASONS) expect(HOLD_REASON_TEXT[reason]).toMatch(/^[a-z]/)
    expect(HOLD_REASON_TEXT.fraud_review).toBe("fraud review by Zonos")
    expect(HOLD_REASON_TEXT.csl_match).toBe("buyer matched the US screening list - review before shipping")
  })

  it("lets the merchant release only screening-list and test holds", () => {
    expect(isMerchantReleasable("csl_match")).toBe(true)
    expect(isMerchantReleasable("test_order")).toBe(true)
    expect(isMerchantReleasable("fraud_review")).toBe(false)
    expect(isMerchantReleasable("zonos_hold")).toBe(false)
  })
})

describe("stateAfterZonosStatus", () => {
  const imported = { state: "imported" as const, hold_reason: null, released_by_merchant: false }
  const held = (reason: "fraud_review" | "zonos_hold" | "csl_match" | "test_order", released = false) => ({
    state: "held" as const,
    hold_reason: reason,
    released_by_merchant: released,
  })

  it("holds for the reason Zonos gives, once (no second event for the same hold)", () => {
    expect(stateAfterZonosStatus(imported, { kind: "hold", reason: "fraud_review" }, "not_asked")).toEqual({
      state: "held",
      hold_reason: "fraud_review",
      event: "held: fraud review by Zonos",
    })
    expect(stateAfterZonosStatus(held("fraud_review"), { kind: "hold", reason: "fraud_review" }, "not_asked")).toEqual({
      state: "held",
      hold_reason: "fraud_review",
      event: null,
    })
  })

  it("does not hold again what a merchant released", () => {
    expect(
      stateAfterZonosStatus({ ...imported, released_by_merchant: true }, { kind: "hold", reason: "csl_match" }, "not_asked")
    ).toEqual({ state: "imported", hold_reason: null, event: null })
  })

  it("lets Zonos end its own holds only", () => {
    expect(stateAfterZonosStatus(held("fraud_review"), { kind: "release" }, "not_asked")).toEqual({
      state: "imported",
      hold_reason: null,
      event: "released by Zonos",
    })
    expect(stateAfterZonosStatus(held("test_order"), { kind: "release" }, "not_asked")).toEqual({
      state: "held",
      hold_reason: "test_order",
      event: null,
    })
  })

  it("cancels, or needs attention when Medusa refuses; the hold is gone either way", () => {
    expect(stateAfterZonosStatus(held("fraud_review"), { kind: "cancel" }, "cancelled")).toEqual({
      state: "cancelled",
      hold_reason: null,
      event: "cancelled",
    })
    expect(stateAfterZonosStatus(held("zonos_hold"), { kind: "cancel" }, "refused")).toEqual({
      state: "needs_attention",
      hold_reason: null,
      event: "cancel_refused",
    })
    expect(stateAfterZonosStatus({ ...imported, state: "cancelled" }, { kind: "cancel" }, "already_cancelled")).toEqual({
      state: "cancelled",
      hold_reason: null,
      event: null,
    })
  })

  it("makes a row whose order now exists imported first, and leaves unknown statuses alone", () => {
    for (const state of ["pending", "failed", "not_found"] as const) {
      expect(stateAfterZonosStatus({ state, hold_reason: null, released_by_merchant: false }, { kind: "none" }, "not_asked")).toEqual({
        state: "imported",
        hold_reason: null,
        event: null,
      })
    }
  })
})

describe("stateAfterImportFailure", () => {
  it("keeps a settled row's state whatever the failure", () => {
    for (const state of ["imported", "held", "cancelled", "needs_attention"] as const) {
      expect(stateAfterImportFailure({ current_state: state, error_code: "order_not_found", listed_by_zonos: false })).toBe(state)
      expect(stateAfterImportFailure({ current_state: state, error_code: "server_error", listed_by_zonos: true })).toBe(state)
    }
  })

  it("makes 'Zonos has no such order' final when Zonos never listed it", () => {
    for (const state of ["pending", "failed", "not_found"] as const) {
      expect(stateAfterImportFailure({ current_state: state, error_code: "order_not_found", listed_by_zonos: false })).toBe(
        "not_found"
      )
    }
  })

  it("retries 'not found' for an order orderNumbers listed (Zonos has it)", () => {
    expect(stateAfterImportFailure({ current_state: "pending", error_code: "order_not_found", listed_by_zonos: true })).toBe("failed")
  })

  it("retries every transient or fixable failure", () => {
    for (const code of ["server_error", "timeout", "network_error", "malformed_response", "invalid_request", "invalid_credentials", null]) {
      expect(stateAfterImportFailure({ current_state: "pending", error_code: code, listed_by_zonos: false })).toBe("failed")
      expect(stateAfterImportFailure({ current_state: "not_found", error_code: code, listed_by_zonos: true })).toBe("failed")
    }
  })
})
