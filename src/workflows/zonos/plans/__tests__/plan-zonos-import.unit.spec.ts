import type { ZonosOrderDetail } from "../../../../modules/zonos/client"
import { planOfKind, planZonosImport, statusToApply } from "../plan-zonos-import"

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

  it("applies the status to the order that exists after the plan ran", () => {
    const create = planZonosImport({ order_id: null, detail, error: null }, { mapped, payment_provider_id: "pp", error: null })
    expect(statusToApply(create, "order_2")).toEqual({ order_id: "order_2", detail })
    expect(statusToApply(create, null)).toBeNull()
    expect(statusToApply({ kind: "order_exists", order_id: "order_1", detail: null }, null)).toBeNull()
    expect(statusToApply({ kind: "record_failure", message: "x", error_code: null }, null)).toBeNull()
  })
})
