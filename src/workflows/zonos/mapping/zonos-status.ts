import { isZonosCancelledStatus } from "../../../modules/zonos/client/statuses"
import { HOLD_REASON_TEXT, ZonosHoldReason, ZonosStatusAction } from "../../../modules/zonos/zonos-order-states"

/**
 * What to do with a Zonos order, given its status and screening flags. Pure.
 *
 * In order of precedence:
 *  1. IGLOBAL_ORDER_CANCELLED / IGLOBAL_ORDER_CANCELED (both spellings) -> cancel (wins over all)
 *  2. IGLOBAL_FRAUD_REVIEW                                             -> hold "fraud_review"
 *  3. IGLOBAL_ORDER_ON_HOLD                                            -> hold "zonos_hold"
 *  4. cslListMatch (buyer on the US screening list)                    -> hold "csl_match"
 *  5. testOrder, when the holdTestOrders option is on                  -> hold "test_order"
 *  6. IGLOBAL_ORDER_IN_PROCESS                                         -> release
 *  7. anything else, unknown statuses included                         -> none (never a crash)
 */

export function zonosStatusAction(
  order: { orderStatus?: string | null; cslListMatch?: boolean | null; testOrder?: boolean | null },
  options: { holdTestOrders: boolean }
): ZonosStatusAction {
  const status = order.orderStatus ?? ""

  if (isZonosCancelledStatus(status)) {
    return { kind: "cancel" }
  }
  if (status === "IGLOBAL_FRAUD_REVIEW") {
    return { kind: "hold", reason: "fraud_review" }
  }
  if (status === "IGLOBAL_ORDER_ON_HOLD") {
    return { kind: "hold", reason: "zonos_hold" }
  }
  if (order.cslListMatch === true) {
    return { kind: "hold", reason: "csl_match" }
  }
  if (order.testOrder === true && options.holdTestOrders) {
    return { kind: "hold", reason: "test_order" }
  }
  if (status === "IGLOBAL_ORDER_IN_PROCESS") {
    return { kind: "release" }
  }
  return { kind: "none" }
}

/** What an imported order's metadata says of its Zonos state (what integrators read). */
export type ZonosOrderMetadata = {
  /** Zonos's latest status, as Zonos spells it. */
  zonos_status: string | null
  /** Set while the order must not be fulfilled, with the reason in words. */
  zonos_hold: { reason: ZonosHoldReason; text: string } | null
}

/**
 * The order metadata for a Zonos order row. Every step that changes the row's state, hold or
 * status writes the order's metadata through this one function, so the two cannot drift
 * (released or cancelled: no hold left in metadata).
 */
export function zonosOrderMetadata(row: {
  state: string
  hold_reason: ZonosHoldReason | null
  zonos_status: string | null
}): ZonosOrderMetadata {
  return {
    zonos_status: row.zonos_status,
    zonos_hold:
      row.state === "held" && row.hold_reason ? { reason: row.hold_reason, text: HOLD_REASON_TEXT[row.hold_reason] } : null,
  }
}

/**
 * Whether an order's metadata says something other than `next` of its Zonos state (a key it
 * lacks counts as null): when it does not, the order is not written at all. Most imports and
 * re-reads change nothing here, and an order update is a transaction of its own.
 */
export function zonosOrderMetadataDiffers(current: Record<string, unknown> | null | undefined, next: ZonosOrderMetadata): boolean {
  if ((current?.zonos_status ?? null) !== next.zonos_status) return true
  const hold = current?.zonos_hold ?? null
  if (hold === null || next.zonos_hold === null) return hold !== next.zonos_hold
  return (
    typeof hold !== "object" ||
    !("reason" in hold && "text" in hold) ||
    hold.reason !== next.zonos_hold.reason ||
    hold.text !== next.zonos_hold.text
  )
}
