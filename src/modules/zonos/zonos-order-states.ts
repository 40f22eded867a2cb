/**
 * The vocabulary of a Zonos order row, in one place: its states, why it is held, who may lift a
 * hold, the words shown for each, and every move between states. Pure and import-free, so the
 * model, the workflows, the routes and the admin bundle all read the same file.
 *
 * Which id is which:
 *   zonos_order_id      Zonos's order id as Zonos and people write it ("999-1002"; "1002" accepted):
 *                       route params and bodies, workflow inputs, the redirect, order metadata.
 *   zonos_order_number  the row's normalised number ("1002"), unique per store: the column, results.
 *   id / record_id      the row's own id ("zord_..."). Medusa names the link table's column for it
 *                       `zonos_order_id` (module + model name); only the link step writes it.
 *
 * What moves a row (the plugin makes no other transition):
 *
 *   the id is seen (success page, sweep, admin) ........ -> pending
 *   an import fails (stateAfterImportFailure):
 *     pending | failed | not_found -> failed     Zonos down or slow, a setting to fix: retried with backoff
 *     pending | failed | not_found -> not_found  Zonos has no such order and never listed it: final
 *     imported | held | cancelled | needs_attention: unchanged (only the history notes it)
 *   the Medusa order is created ......................... -> imported, then the Zonos status applies:
 *   the Zonos status applies (stateAfterZonosStatus):
 *     -> held (fraud_review | zonos_hold | csl_match | test_order)
 *     held (a Zonos-owned hold) -> imported     Zonos released it (IGLOBAL_ORDER_IN_PROCESS)
 *     -> cancelled                              Zonos cancelled it, and so did Medusa
 *     -> needs_attention                        Zonos cancelled it, Medusa refused (already fulfilled)
 *   a merchant releases a merchant-owned hold ........... held (csl_match | test_order) -> imported
 *   a merchant dismisses a row without a Medusa order ... state kept, dismissed_at set: never retried
 */

/** Where an import stands. */
export const ZONOS_IMPORT_STATES = [
  "pending", // seen, not imported yet
  "imported", // a Medusa order exists and may be fulfilled
  "held", // a Medusa order exists and must not be fulfilled yet
  "cancelled", // Zonos cancelled it; the Medusa order is cancelled (or never created)
  "failed", // the import failed (Zonos down, a setting to fix): the sweep retries it, with backoff
  "not_found", // Zonos has no such order: final, re-read only if orderNumbers lists it
  "needs_attention", // Zonos and Medusa disagree in a way only a merchant can settle
] as const
export type ZonosImportState = (typeof ZONOS_IMPORT_STATES)[number]

/** Why an order is held. */
export const ZONOS_HOLD_REASONS = [
  "fraud_review", // IGLOBAL_FRAUD_REVIEW: Zonos releases or cancels it
  "zonos_hold", // IGLOBAL_ORDER_ON_HOLD: Zonos releases or cancels it
  "csl_match", // the buyer matched the US Consolidated Screening List: a merchant releases it
  "test_order", // a Zonos test order: a merchant releases it
] as const
export type ZonosHoldReason = (typeof ZONOS_HOLD_REASONS)[number]

/** Holds Zonos lifts by itself: the sweep re-reads them until they end. */
export const ZONOS_OWNED_HOLDS: readonly ZonosHoldReason[] = ["fraud_review", "zonos_hold"]

/** Holds only a merchant lifts ("Release hold"): Zonos's status says nothing about them. */
export const MERCHANT_RELEASABLE_HOLDS: readonly ZonosHoldReason[] = ["csl_match", "test_order"]

export function isMerchantReleasable(reason: ZonosHoldReason): boolean {
  return MERCHANT_RELEASABLE_HOLDS.includes(reason)
}

/** The hold in words, as the merchant reads it everywhere (after "On hold: " or "Held by Zonos: "). */
export const HOLD_REASON_TEXT: Record<ZonosHoldReason, string> = {
  fraud_review: "fraud review by Zonos",
  zonos_hold: "held at Zonos until it releases the order",
  csl_match: "buyer matched the US screening list - review before shipping",
  test_order: "test order - do not ship",
}

/** Who ends each hold and what to do meanwhile (the admin's order panel). */
export const HOLD_REASON_HINTS: Record<ZonosHoldReason, string> = {
  fraud_review: "Zonos is screening this order. Do not ship it: Zonos releases or cancels it, and this panel follows.",
  zonos_hold: "Zonos put this order on hold. Do not ship it until Zonos releases it.",
  csl_match:
    "The buyer matched the US Consolidated Screening List. Review the buyer, then release the hold if shipping is allowed.",
  test_order: "Zonos marked this as a test order. Release the hold only if it must really ship.",
}

/** The state in words (the admin's badges and filters). */
export const IMPORT_STATE_LABELS: Record<ZonosImportState, string> = {
  pending: "Pending",
  imported: "Imported",
  held: "On hold",
  cancelled: "Cancelled",
  failed: "Failed",
  not_found: "Not found at Zonos",
  needs_attention: "Needs attention",
}

/** What the success page, the sweep and the admin are told an import came to. */
export type ZonosImportOutcome =
  | "imported"
  | "on_hold"
  | "cancelled"
  | "needs_attention"
  | "processing"
  | "failed"
  | "not_found"

export const IMPORT_OUTCOME_BY_STATE: Record<ZonosImportState, ZonosImportOutcome> = {
  pending: "processing",
  imported: "imported",
  held: "on_hold",
  cancelled: "cancelled",
  failed: "failed",
  not_found: "not_found",
  needs_attention: "needs_attention",
}

/** Where a Zonos order stands after an import, retry or check (the admin API's `result`). */
export type ZonosImportResult = {
  /** The zonos_order row's own id ("zord_..."). */
  record_id: string
  /** The normalised Zonos number ("1001" for "999-1001"). */
  zonos_order_number: string
  state: ZonosImportState
  hold_reason: ZonosHoldReason | null
  outcome: ZonosImportOutcome
  /** The Medusa order's id and display number, once it exists. */
  order_id: string | null
  display_id: number | null
  last_error: string | null
}

/** States in which Zonos settled the order (a Medusa order exists, or Zonos cancelled it). */
export const SETTLED_STATES: readonly ZonosImportState[] = ["imported", "held", "cancelled", "needs_attention"]

/** States the sweep retries by themselves, listed by Zonos or not (`not_found` only when listed). */
export const RETRIED_STATES: readonly ZonosImportState[] = ["pending", "failed"]

export function isSettledState(state: ZonosImportState): boolean {
  return SETTLED_STATES.includes(state)
}

export type ImportFailureFacts = {
  /** The row's state before this failure. */
  current_state: ZonosImportState
  /** The Zonos client's error code, when the failure came from Zonos. */
  error_code: string | null
  /** orderNumbers listed this order: Zonos has it, whatever orderDetail just said. */
  listed_by_zonos: boolean
}

/**
 * Where a failed import leaves the row. In order:
 *  1. The row is settled -> keep its state; only the history notes the failed re-read.
 *  2. Zonos answered "no such order" for an id it has not listed -> `not_found`: final, never
 *     retried by the sweep (a stranger's guess must not become work for ever). If orderNumbers
 *     lists it later, the sweep imports it then.
 *  3. Anything else (Zonos down or slow, a malformed answer, a setting to fix, "not found" for an
 *     order Zonos did list) -> `failed`, retried with backoff.
 */
export function stateAfterImportFailure(facts: ImportFailureFacts): ZonosImportState {
  if (isSettledState(facts.current_state)) {
    return facts.current_state
  }
  if (facts.error_code === "order_not_found" && !facts.listed_by_zonos) {
    return "not_found"
  }
  return "failed"
}

/** What Zonos's status asks of the order (see mapping/zonos-status.ts for how it is read). */
export type ZonosStatusAction =
  | { kind: "hold"; reason: ZonosHoldReason }
  | { kind: "release" }
  | { kind: "cancel" }
  | { kind: "none" }

export type ZonosRowPosition = { state: ZonosImportState; hold_reason: ZonosHoldReason | null }

/** Where a row stands once a step has written it: what an import answers (zonosImportResultOf). */
export type ZonosRowStanding = ZonosRowPosition & { last_error: string | null }

/** How a cancellation asked for by Zonos went in Medusa. */
export type MedusaCancellation = "not_asked" | "cancelled" | "already_cancelled" | "refused"

/**
 * Where the row of an imported order goes when Zonos's status is applied, and the history event
 * that says so (null when nothing changed). In order:
 *  1. cancel: `cancelled` when Medusa cancelled the order (or had already), `needs_attention`
 *     when it refused (e.g. already fulfilled); the hold is gone either way.
 *  2. hold: held for that reason, unless a merchant already released this merchant-owned hold.
 *  3. release: a Zonos-owned hold ends (Zonos's status says nothing about merchant-owned holds).
 *  4. none: unchanged.
 * A row that was pending, failed or not_found is `imported` first: its order exists now.
 */
export function stateAfterZonosStatus(
  before: ZonosRowPosition & { released_by_merchant: boolean },
  action: ZonosStatusAction,
  cancellation: MedusaCancellation
): ZonosRowPosition & { event: string | null } {
  const state: ZonosImportState = isSettledState(before.state) ? before.state : "imported"
  const current = { state, hold_reason: before.hold_reason }
  switch (action.kind) {
    case "cancel":
      if (cancellation === "refused") return { state: "needs_attention", hold_reason: null, event: "cancel_refused" }
      return { state: "cancelled", hold_reason: null, event: cancellation === "cancelled" ? "cancelled" : null }
    case "hold": {
      const releasedByMerchant = isMerchantReleasable(action.reason) && before.released_by_merchant
      if (releasedByMerchant || (current.state === "held" && current.hold_reason === action.reason)) {
        return { ...current, event: null }
      }
      return { state: "held", hold_reason: action.reason, event: `held: ${HOLD_REASON_TEXT[action.reason]}` }
    }
    case "release":
      if (current.state === "held" && current.hold_reason && !isMerchantReleasable(current.hold_reason)) {
        return { state: "imported", hold_reason: null, event: "released by Zonos" }
      }
      return { ...current, event: null }
    case "none":
      return { ...current, event: null }
  }
}

/** For values read without a type (query results, request bodies). */
export function isZonosImportState(value: unknown): value is ZonosImportState {
  return ZONOS_IMPORT_STATES.some((state) => state === value)
}

export function isZonosHoldReason(value: unknown): value is ZonosHoldReason {
  return ZONOS_HOLD_REASONS.some((reason) => reason === value)
}

/** What started a sweep: the scheduled job, a merchant's "Run sweep now", or a backfill from a date. */
export const ZONOS_SWEEP_TRIGGERS = ["schedule", "admin", "backfill"] as const
export type ZonosSweepTrigger = (typeof ZONOS_SWEEP_TRIGGERS)[number]

/**
 * The event a sweep emits once per order it hands out (payload `{ item_id }`): any process with
 * a worker takes it (src/subscribers/zonos-sweep-order.ts), so a sweep spreads over the workers.
 */
export const ZONOS_SWEEP_ORDER_EVENT = "zonos.sweep_order"

/**
 * What a sweep does with one order (one zonos_sweep_item row each):
 *   import     ... new, or failed and due: the import workflow
 *   refresh    ... imported, but in Zonos's review or its status changed: re-read
 *   write_back ... imported, but its display id never reached Zonos
 *   deferred   ... listed and not in Medusa, but its retry is not due: not handed out, recorded
 *                  so the sweep ends `partial` and the next one asks again
 */
export const ZONOS_SWEEP_ITEM_KINDS = ["import", "refresh", "write_back", "deferred"] as const
export type ZonosSweepItemKind = (typeof ZONOS_SWEEP_ITEM_KINDS)[number]

/**
 * How one order of a sweep was handled: an import's outcome, or
 *   refreshed / written_back / not_written_back ... a re-read, a write-back Zonos took or refused
 *   skipped  ... not started: the sweep had stopped because Zonos was not answering
 *   deferred ... its retry was not due (set when the row is recorded)
 */
export type ZonosSweepItemOutcome =
  | ZonosImportOutcome
  | "refreshed"
  | "written_back"
  | "not_written_back"
  | "skipped"
  | "deferred"

export const ZONOS_SWEEP_ITEM_OUTCOMES: readonly ZonosSweepItemOutcome[] = [
  "imported",
  "on_hold",
  "cancelled",
  "needs_attention",
  "processing",
  "failed",
  "not_found",
  "refreshed",
  "written_back",
  "not_written_back",
  "skipped",
  "deferred",
]

export function isZonosSweepItemOutcome(value: unknown): value is ZonosSweepItemOutcome {
  return ZONOS_SWEEP_ITEM_OUTCOMES.some((outcome) => outcome === value)
}

/** A sweep's counts, as its record and the admin show them. */
export type ZonosSweepCounts = {
  listed: number
  imported: number
  on_hold: number
  cancelled: number
  needs_attention: number
  processing: number
  failed: number
  not_found: number
  refreshed: number
  written_back: number
  not_in_medusa?: number
}

export const EMPTY_SWEEP_COUNTS: ZonosSweepCounts = {
  listed: 0,
  imported: 0,
  on_hold: 0,
  cancelled: 0,
  needs_attention: 0,
  processing: 0,
  failed: 0,
  not_found: 0,
  refreshed: 0,
  written_back: 0,
}

/** Handled sweep rows grouped by kind and outcome (the SQL count), as counts; pure. */
export function sweepCountsFromItems(
  listed: number,
  groups: { kind: ZonosSweepItemKind; outcome: ZonosSweepItemOutcome; count: number }[]
): { counts: ZonosSweepCounts; done: number; skipped: number } {
  const counts: ZonosSweepCounts = { ...EMPTY_SWEEP_COUNTS, listed }
  let done = 0
  let skipped = 0
  for (const { kind, outcome, count } of groups) {
    if (kind === "deferred") continue
    done += count
    switch (outcome) {
      case "imported":
      case "on_hold":
      case "cancelled":
      case "needs_attention":
      case "processing":
      case "failed":
      case "not_found":
        // A refresh's own outcome is not an import of this sweep: it counts as `refreshed`.
        if (kind === "import") counts[outcome] += count
        else if (kind === "refresh") counts.refreshed += count
        break
      case "skipped":
        skipped += count
        // An import the sweep never started is still waiting, as today's sweep counted it.
        if (kind === "import") counts.processing += count
        break
      case "refreshed":
        counts.refreshed += count
        break
      case "written_back":
        counts.written_back += count
        break
      case "not_written_back":
      case "deferred":
        break
    }
  }
  return { counts, done, skipped }
}

/** The message of the CONFLICT a second sweep fails with while one runs. */
export const ZONOS_SWEEP_RUNNING = "A sweep is already running; try again when it ends"

/** Zonos client error codes that mean Zonos is not answering (as opposed to answering "no"). */
export const ZONOS_NOT_ANSWERING_CODES: readonly string[] = ["timeout", "server_error", "network_error"]

export const zonosNotAnsweringMessage = (failures: number, left: number) =>
  `Zonos is not answering: ${failures} orders in a row timed out or failed with a server or network error; ` +
  `the sweep stopped and left ${left} for the next sweep`
