import { EMPTY_SHIPMENT_SYNC, normaliseTrackingNumbers, planShipmentUpdate, readShipmentSync } from "../plan-shipment-sync"

describe("shipment sync planning", () => {
  it("sends all numbers once, and again only when they change", () => {
    const numbers = normaliseTrackingNumbers([" 1Z2 ", "1Z1", "1Z2", null, ""])
    expect(numbers).toEqual(["1Z1", "1Z2"])
    expect(planShipmentUpdate(EMPTY_SHIPMENT_SYNC, numbers, "VENDOR_SHIPMENT_READY")).toEqual({
      tracking: ["1Z1", "1Z2"],
      vendor_status: "VENDOR_SHIPMENT_READY",
    })
    const sent = { ...EMPTY_SHIPMENT_SYNC, tracking_numbers: numbers, vendor_status: "VENDOR_SHIPMENT_READY" }
    expect(planShipmentUpdate(sent, numbers, "VENDOR_SHIPMENT_READY")).toEqual({ tracking: null, vendor_status: null })
    expect(planShipmentUpdate(sent, ["1Z1", "1Z2", "1Z3"], null).tracking).toEqual(["1Z1", "1Z2", "1Z3"])
    expect(planShipmentUpdate(sent, numbers, null, true)).toEqual({ tracking: numbers, vendor_status: "VENDOR_SHIPMENT_READY" })
  })

  it("retries what was refused, and drops a cancellation request once Zonos cancelled", () => {
    const refused = { ...EMPTY_SHIPMENT_SYNC, pending_tracking: true, tracking_numbers: ["A"], pending_vendor_status: "VENDOR_SHIPMENT_READY" }
    expect(planShipmentUpdate(refused, ["A"], null)).toEqual({ tracking: ["A"], vendor_status: "VENDOR_SHIPMENT_READY" })
    const cancel = { ...EMPTY_SHIPMENT_SYNC, pending_vendor_status: "VENDOR_CANCELLATION_REQUEST" }
    expect(planShipmentUpdate(cancel, [], null, false, true)).toEqual({ tracking: null, vendor_status: null })
    expect(planShipmentUpdate(EMPTY_SHIPMENT_SYNC, [], "VENDOR_CANCELLATION_REQUEST", false, true).vendor_status).toBeNull()
  })

  it("reads what is stored leniently", () => {
    expect(readShipmentSync(null)).toEqual(EMPTY_SHIPMENT_SYNC)
    expect(readShipmentSync({ tracking_numbers: ["A", 3], attempts: "x", pending_tracking: true })).toEqual({
      ...EMPTY_SHIPMENT_SYNC,
      tracking_numbers: ["A"],
      pending_tracking: true,
    })
  })
})
