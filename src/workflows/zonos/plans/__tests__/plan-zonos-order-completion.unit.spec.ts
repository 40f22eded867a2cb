import { NO_ZONOS_ORDER_PROGRESS, planZonosOrderCompletion, ZonosOrderProgress } from "../plan-zonos-order-completion"

const nothing: ZonosOrderProgress = NO_ZONOS_ORDER_PROGRESS
const order = (rest: Partial<ZonosOrderProgress>): ZonosOrderProgress => ({ ...nothing, order_id: "order_1", ...rest })

describe("planZonosOrderCompletion", () => {
  it("creates everything when no earlier attempt left an order", () => {
    expect(planZonosOrderCompletion(nothing, "120.50")).toEqual({
      create_order: true,
      order_id: null,
      payment: { action: "create_collection" },
      link: true,
    })
  })

  it("adopts an order without a payment collection and pays it", () => {
    expect(planZonosOrderCompletion(order({}), "120.50")).toEqual({
      create_order: false,
      order_id: "order_1",
      payment: { action: "create_collection" },
      link: true,
    })
  })

  it("does not link again an order an import linked before it died", () => {
    expect(planZonosOrderCompletion(order({ linked_record_id: "zord_1" }), "120.50").link).toBe(false)
  })

  it("marks an unpaid collection paid instead of creating a second one", () => {
    const progress = order({ payment_collections: [{ id: "pay_col_1", status: "not_paid", payments: [] }] })
    expect(planZonosOrderCompletion(progress, "120.50").payment).toEqual({
      action: "mark_paid",
      payment_collection_id: "pay_col_1",
    })
  })

  it("captures a payment authorised before the process died", () => {
    const progress = order({
      payment_collections: [
        { id: "pay_col_1", status: "authorized", payments: [{ id: "pay_1", canceled_at: null, captures: [] }] },
      ],
    })
    expect(planZonosOrderCompletion(progress, "120.50").payment).toEqual({ action: "capture", payment_id: "pay_1" })
  })

  it("records captures the order does not count yet, and nothing once they are recorded", () => {
    const captured = {
      id: "pay_col_1",
      status: "completed",
      payments: [{ id: "pay_1", canceled_at: null, captures: [{ id: "capt_1", amount: "120.50" }] }],
    }
    expect(planZonosOrderCompletion(order({ payment_collections: [captured] }), "120.50").payment).toEqual({
      action: "record_captures",
      captures: [{ id: "capt_1", amount: "120.50" }],
    })
    expect(
      planZonosOrderCompletion(order({ payment_collections: [captured], transaction_reference_ids: ["capt_1"] }), "120.50")
        .payment
    ).toEqual({ action: "none" })
  })

  it("compares money exactly: a capture one cent short is not the whole payment", () => {
    const progress = order({
      payment_collections: [
        {
          id: "pay_col_1",
          status: "partially_captured",
          payments: [{ id: "pay_1", canceled_at: null, captures: [{ id: "capt_1", amount: "120.49" }] }],
        },
      ],
      transaction_reference_ids: ["capt_1"],
    })
    expect(planZonosOrderCompletion(progress, "120.50").payment).not.toEqual({ action: "none" })
    // 0.1 + 0.2 as floats is 0.30000000000000004; as decimals it is exactly 0.3.
    const exact = order({
      payment_collections: [
        {
          id: "pay_col_1",
          status: "completed",
          payments: [
            { id: "pay_1", canceled_at: null, captures: [{ id: "capt_1", amount: "0.1" }, { id: "capt_2", amount: "0.2" }] },
          ],
        },
      ],
      transaction_reference_ids: ["capt_1", "capt_2"],
    })
    expect(planZonosOrderCompletion(exact, "0.3").payment).toEqual({ action: "none" })
  })

  it("ignores cancelled collections and cancelled payments", () => {
    const progress = order({
      payment_collections: [
        { id: "pay_col_old", status: "canceled", payments: [] },
        { id: "pay_col_1", status: "not_paid", payments: [{ id: "pay_x", canceled_at: "2026-12-01", captures: [] }] },
      ],
    })
    expect(planZonosOrderCompletion(progress, "10").payment).toEqual({ action: "mark_paid", payment_collection_id: "pay_col_1" })
  })

  it("creates a new collection when the only one is in a state mark-as-paid refuses", () => {
    const progress = order({ payment_collections: [{ id: "pay_col_1", status: "awaiting", payments: [] }] })
    expect(planZonosOrderCompletion(progress, "10").payment).toEqual({ action: "create_collection" })
  })
})
