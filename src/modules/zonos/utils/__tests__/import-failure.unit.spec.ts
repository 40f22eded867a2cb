import { stateAfterImportFailure } from "../import-failure"

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
