import type { ZonosOrderDetail } from "../../../../modules/zonos/client"
import {
  medusaOrderAfterPlan,
  outlineOf,
  planOfKind,
  planZonosImport,
  settlementAfterPlan,
  zonosDetailOf,
  zonosImportResultOf,
} from "../plan-zonos-import"

const detail: ZonosOrderDetail = { orderId: "999-1001", orderStatus: "IGLOBAL_ORDER_IN_PROCESS" }
// The plan passes the mapping through untouched; its shape does not matter here.
const mapped = { notes: [] }

describe("planZonosImport", () => {
  it("records Zonos's failure first, with its code", () => {
    expect(
      planZonosImport({ order_id: "order_1", detail: null, error: { code: "timeout", message: "Zonos orderDetail: timeout" } }, null)
    ).toEqual({ kind: "record_failure", message: "Zonos orderDetail: timeout", error_code: "timeout" })
  })

  it("never creates a second order: an existing one is applied the new status, if Zonos was read", () => {
    expect(planZonosImport({ order_id: "order_1", detail, error: null }, null)).toEqual({ kind: "order_exists", order_id: "order_1", detail })
    expect(planZonosImport({ order_id: "order_1", detail: null, error: null }, null)).toEqual({
      kind: "order_exists",
      order_id: "order_1",
      detail: null,
    })
  })

  it("records why an order cannot be mapped", () => {
    expect(
      planZonosImport({ order_id: null, detail, error: null }, { mapped: null, payment_provider_id: "pp", error: 'No region sells to "gb" in USD' })
    ).toEqual({ kind: "record_failure", message: 'No region sells to "gb" in USD', error_code: null })
  })

  it("creates the order from the mapping otherwise", () => {
    const plan = planZonosImport({ order_id: null, detail, error: null }, { mapped, payment_provider_id: "pp_zonos_zonos", error: null })
    expect(plan).toEqual({ kind: "create_order", mapped, payment_provider_id: "pp_zonos_zonos", detail })
    expect(planOfKind(plan, "create_order").payment_provider_id).toBe("pp_zonos_zonos")
    expect(() => planOfKind(plan, "order_exists")).toThrow('The import planned "create_order", not "order_exists"')
  })

  const linked = { id: "order_1", display_id: 7 }
  const made = { id: "order_2", display_id: 8, as_created: { status: "pending", metadata: { zonos_status: "IGLOBAL_ORDER_IN_PROCESS" } } }

  it("settles a created order as imported, with the order as made, and an existing one only when Zonos was read", () => {
    const create = outlineOf(planZonosImport({ order_id: null, detail, error: null }, { mapped, payment_provider_id: "pp", error: null }))
    expect(create).toEqual({ kind: "create_order", zonos_read: true })
    expect(settlementAfterPlan(create, null, made)).toEqual({ order_id: "order_2", imported: true, as_created: made.as_created })
    expect(settlementAfterPlan(create, null, { ...made, as_created: null })).toEqual({ order_id: "order_2", imported: true, as_created: null })

    const existsRead = outlineOf({ kind: "order_exists", order_id: "order_1", detail })
    expect(settlementAfterPlan(existsRead, linked, null)).toEqual({ order_id: "order_1", imported: false, as_created: null })
    const existsUnread = outlineOf({ kind: "order_exists", order_id: "order_1", detail: null })
    expect(settlementAfterPlan(existsUnread, linked, null)).toBeNull()

    const failed = outlineOf({ kind: "record_failure", message: "x", error_code: null })
    expect(settlementAfterPlan(failed, linked, null)).toBeNull()
  })

  it("reports the order the plan found or made, and none after a failure (even on a row an interrupted import linked)", () => {
    expect(medusaOrderAfterPlan(outlineOf({ kind: "order_exists", order_id: "order_1", detail: null }), linked, null)).toBe(linked)
    const create = outlineOf(planZonosImport({ order_id: null, detail, error: null }, { mapped, payment_provider_id: "pp", error: null }))
    expect(medusaOrderAfterPlan(create, null, made)).toBe(made)
    expect(medusaOrderAfterPlan(outlineOf({ kind: "record_failure", message: "x", error_code: null }), linked, null)).toBeNull()
  })

  it("answers from where the row stands and its order, without reading anything", () => {
    const row = { record_id: "zord_1", zonos_order_number: "1001" }
    expect(zonosImportResultOf(row, { state: "held", hold_reason: "fraud_review", last_error: null }, linked)).toEqual({
      record_id: "zord_1",
      zonos_order_number: "1001",
      state: "held",
      hold_reason: "fraud_review",
      outcome: "on_hold",
      order_id: "order_1",
      display_id: 7,
      last_error: null,
    })
    expect(zonosImportResultOf(row, { state: "failed", hold_reason: null, last_error: "Zonos orderDetail: timeout" }, null)).toMatchObject({
      outcome: "failed",
      order_id: null,
      display_id: null,
      last_error: "Zonos orderDetail: timeout",
    })
  })

  it("hands the orderDetail on from the plans that carry one", () => {
    expect(zonosDetailOf({ kind: "order_exists", order_id: "order_1", detail })).toBe(detail)
    expect(zonosDetailOf({ kind: "record_failure", message: "x", error_code: null })).toBeNull()
  })
})
