import type { ZonosOrderDetail } from "../../../../modules/zonos/client"
import { medusaOrderAfterPlan, orderToApplyStatusTo, outlineOf, planOfKind, planZonosImport, zonosDetailOf } from "../plan-zonos-import"

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

  it("applies the status to the order that exists after the plan ran, when Zonos was read", () => {
    const create = outlineOf(planZonosImport({ order_id: null, detail, error: null }, { mapped, payment_provider_id: "pp", error: null }))
    expect(create).toEqual({ kind: "create_order", existing_order_id: null, zonos_read: true })
    expect(orderToApplyStatusTo(create, "order_2")).toBe("order_2")
    expect(orderToApplyStatusTo(create, null)).toBeNull()

    const existsUnread = outlineOf({ kind: "order_exists", order_id: "order_1", detail: null })
    expect(orderToApplyStatusTo(existsUnread, null)).toBeNull()
    expect(medusaOrderAfterPlan(existsUnread, null)).toBe("order_1")
    expect(orderToApplyStatusTo(outlineOf({ kind: "order_exists", order_id: "order_1", detail }), null)).toBe("order_1")

    const failed = outlineOf({ kind: "record_failure", message: "x", error_code: null })
    expect(orderToApplyStatusTo(failed, null)).toBeNull()
    expect(medusaOrderAfterPlan(failed, null)).toBeNull()
  })

  it("hands the orderDetail on from the plans that carry one", () => {
    expect(zonosDetailOf({ kind: "order_exists", order_id: "order_1", detail })).toBe(detail)
    expect(zonosDetailOf({ kind: "record_failure", message: "x", error_code: null })).toBeNull()
  })
})
