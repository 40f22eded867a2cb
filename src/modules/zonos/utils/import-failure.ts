import { ZONOS_IMPORT_STATES } from "../models/zonos-order"

export type ZonosImportState = (typeof ZONOS_IMPORT_STATES)[number]

/** States in which a Medusa order exists (or Zonos settled the order): a failed re-read changes nothing. */
const SETTLED_STATES: readonly ZonosImportState[] = ["imported", "held", "cancelled", "needs_attention"]

export type ImportFailureFacts = {
  /** The row's state before this failure. */
  current_state: ZonosImportState
  /** The Zonos client's error code, when the failure came from Zonos. */
  error_code: string | null
  /** orderNumbers listed this order: Zonos has it, whatever orderDetail just said. */
  listed_by_zonos: boolean
}

/**
 * Where a failed import leaves the row. Pure. In order:
 *  1. The row is settled (a Medusa order exists, or Zonos cancelled it) -> keep its state; only
 *     the history notes the failed re-read.
 *  2. Zonos answered "no such order" for an id it has not listed -> `not_found`: final, never
 *     retried by the sweep (a stranger's guess must not become work for ever). If orderNumbers
 *     lists it later, the sweep imports it then.
 *  3. Anything else (Zonos down or slow, a malformed answer, a setting to fix, "not found" for an
 *     order Zonos did list) -> `failed`, retried with backoff.
 */
export function stateAfterImportFailure(facts: ImportFailureFacts): ZonosImportState {
  if (SETTLED_STATES.includes(facts.current_state)) {
    return facts.current_state
  }
  if (facts.error_code === "order_not_found" && !facts.listed_by_zonos) {
    return "not_found"
  }
  return "failed"
}
