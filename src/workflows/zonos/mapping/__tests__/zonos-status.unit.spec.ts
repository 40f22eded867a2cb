import { HOLD_REASON_TEXT } from "../../../../modules/zonos/zonos-order-states"
import { zonosOrderMetadata, zonosOrderMetadataDiffers, zonosStatusAction } from "../zonos-status"

const hold = { holdTestOrders: true }
const noHold = { holdTestOrders: false }

describe("zonosStatusAction", () => {
  it.each(["IGLOBAL_ORDER_CANCELLED", "IGLOBAL_ORDER_CANCELED"])("cancels on %s, over every flag", (status) => {
    expect(zonosStatusAction({ orderStatus: status }, hold)).toEqual({ kind: "cancel" })
    expect(zonosStatusAction({ orderStatus: status, cslListMatch: true, testOrder: true }, hold)).toEqual({
      kind: "cancel",
    })
  })

  it("holds for fraud review and Zonos holds, before screening flags", () => {
    expect(zonosStatusAction({ orderStatus: "IGLOBAL_FRAUD_REVIEW", cslListMatch: true }, hold)).toEqual({
      kind: "hold",
      reason: "fraud_review",
    })
    expect(zonosStatusAction({ orderStatus: "IGLOBAL_ORDER_ON_HOLD", testOrder: true }, hold)).toEqual({
      kind: "hold",
      reason: "zonos_hold",
    })
  })

  it("holds screening-list matches, then test orders when asked", () => {
    expect(zonosStatusAction({ orderStatus: "IGLOBAL_ORDER_IN_PROCESS", cslListMatch: true, testOrder: true }, hold)).toEqual({
      kind: "hold",
      reason: "csl_match",
    })
    expect(zonosStatusAction({ orderStatus: "IGLOBAL_ORDER_IN_PROCESS", testOrder: true }, hold)).toEqual({
      kind: "hold",
      reason: "test_order",
    })
    expect(zonosStatusAction({ orderStatus: "IGLOBAL_ORDER_IN_PROCESS", testOrder: true }, noHold)).toEqual({
      kind: "release",
    })
    expect(zonosStatusAction({ orderStatus: "SOMETHING_NEW", cslListMatch: true }, noHold)).toEqual({
      kind: "hold",
      reason: "csl_match",
    })
  })

  it("releases orders in process", () => {
    expect(zonosStatusAction({ orderStatus: "IGLOBAL_ORDER_IN_PROCESS", cslListMatch: false, testOrder: false }, hold)).toEqual({
      kind: "release",
    })
  })

  it.each([["IGLOBAL_LABELS_PROCESSING"], ["VENDOR_SHIPMENT_READY"], ["SOMETHING_ZONOS_ADDED_LATER"], [""], [null], [undefined]])(
    "does nothing for %p",
    (status) => {
      expect(zonosStatusAction({ orderStatus: status }, hold)).toEqual({ kind: "none" })
    }
  )
})

describe("zonosOrderMetadata", () => {
  it("carries the hold only while the row is held, and always Zonos's latest status", () => {
    expect(zonosOrderMetadata({ state: "held", hold_reason: "fraud_review", zonos_status: "IGLOBAL_FRAUD_REVIEW" })).toEqual({
      zonos_status: "IGLOBAL_FRAUD_REVIEW",
      zonos_hold: { reason: "fraud_review", text: HOLD_REASON_TEXT.fraud_review },
    })
    expect(zonosOrderMetadata({ state: "cancelled", hold_reason: null, zonos_status: "IGLOBAL_ORDER_CANCELLED" })).toEqual({
      zonos_status: "IGLOBAL_ORDER_CANCELLED",
      zonos_hold: null,
    })
    expect(zonosOrderMetadata({ state: "imported", hold_reason: "csl_match", zonos_status: "IGLOBAL_ORDER_IN_PROCESS" }).zonos_hold).toBeNull()
  })
})

describe("zonosOrderMetadataDiffers", () => {
  const held = zonosOrderMetadata({ state: "held", hold_reason: "fraud_review", zonos_status: "IGLOBAL_FRAUD_REVIEW" })
  const released = zonosOrderMetadata({ state: "imported", hold_reason: null, zonos_status: "IGLOBAL_ORDER_IN_PROCESS" })

  it("leaves a new order alone whose metadata already carries its status and no hold", () => {
    expect(zonosOrderMetadataDiffers({ zonos_order_id: "1001", zonos_status: "IGLOBAL_ORDER_IN_PROCESS" }, released)).toBe(false)
  })

  it("leaves a held order alone that already says so, keys in any order (jsonb reorders them)", () => {
    const stored = { zonos_status: "IGLOBAL_FRAUD_REVIEW", zonos_hold: { text: held.zonos_hold?.text, reason: "fraud_review" } }
    expect(zonosOrderMetadataDiffers(stored, held)).toBe(false)
  })

  it("writes a new status, a new hold, a lifted hold and a hold it cannot read", () => {
    expect(zonosOrderMetadataDiffers({ zonos_status: "IGLOBAL_FRAUD_REVIEW" }, released)).toBe(true)
    expect(zonosOrderMetadataDiffers({ zonos_status: "IGLOBAL_FRAUD_REVIEW" }, held)).toBe(true)
    expect(zonosOrderMetadataDiffers({ ...held }, { ...held, zonos_status: "IGLOBAL_ORDER_IN_PROCESS", zonos_hold: null })).toBe(true)
    expect(zonosOrderMetadataDiffers({ zonos_status: "IGLOBAL_FRAUD_REVIEW", zonos_hold: "fraud" }, held)).toBe(true)
    expect(zonosOrderMetadataDiffers(null, released)).toBe(true)
  })
})
