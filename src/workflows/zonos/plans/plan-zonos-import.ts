import type { ZonosOrderDetail } from "../../../modules/zonos/client"
import type { MappedZonosOrder } from "../mapping/map-zonos-order"
import { IMPORT_OUTCOME_BY_STATE, ZonosImportResult, ZonosRowStanding } from "../../../modules/zonos/zonos-order-states"

/** What loading the Zonos order found (load-zonos-import). */
export type ZonosImportFacts = {
  /** The Medusa order this Zonos order already became, if any. */
  order_id: string | null
  detail: ZonosOrderDetail | null
  error: { code: string; message: string } | null
}

/** What mapping it for Medusa gave (prepare-medusa-order-input); null when nothing was to map. */
export type ZonosMappingFacts<M = MappedZonosOrder> = {
  mapped: M | null
  payment_provider_id: string
  error: string | null
} | null

/**
 * What the import does with one Zonos order. Exactly one kind, so the workflow has one `when` per
 * kind and the reader need not prove the branches exclusive. Pure. In order:
 *  1. Zonos could not be read -> `record_failure` with Zonos's reason and error code.
 *  2. The Medusa order exists -> `order_exists` (its status is applied if Zonos was read).
 *  3. The order cannot be mapped (no region, no email ...) -> `record_failure` with why.
 *  4. Otherwise -> `create_order` from the mapping.
 */
export type ZonosImportPlan<M = MappedZonosOrder> =
  | { kind: "record_failure"; message: string; error_code: string | null }
  | { kind: "order_exists"; order_id: string; detail: ZonosOrderDetail | null }
  | { kind: "create_order"; mapped: M; payment_provider_id: string; detail: ZonosOrderDetail }

export function planZonosImport<M>(loaded: ZonosImportFacts, prepared: ZonosMappingFacts<M>): ZonosImportPlan<M> {
  if (loaded.error) {
    return { kind: "record_failure", message: loaded.error.message, error_code: loaded.error.code }
  }
  if (loaded.order_id) {
    return { kind: "order_exists", order_id: loaded.order_id, detail: loaded.detail }
  }
  if (!loaded.detail) {
    return { kind: "record_failure", message: "Zonos answered without the order", error_code: null }
  }
  if (!prepared?.mapped) {
    return { kind: "record_failure", message: prepared?.error ?? "The Zonos order could not be mapped", error_code: null }
  }
  return { kind: "create_order", mapped: prepared.mapped, payment_provider_id: prepared.payment_provider_id, detail: loaded.detail }
}

/** The plan as the kind a `when` branch was entered for (workflow conditions do not narrow types). */
export function planOfKind<M, K extends ZonosImportPlan["kind"]>(
  plan: ZonosImportPlan<M>,
  kind: K
): Extract<ZonosImportPlan<M>, { kind: K }> {
  if (!isPlanOfKind(plan, kind)) {
    throw new Error(`The import planned "${plan.kind}", not "${kind}"`)
  }
  return plan
}

function isPlanOfKind<M, K extends ZonosImportPlan["kind"]>(
  plan: ZonosImportPlan<M>,
  kind: K
): plan is Extract<ZonosImportPlan<M>, { kind: K }> {
  return plan.kind === kind
}

/**
 * The plan without what it carries (the orderDetail, the mapped order): what the workflow's
 * conditions read. Each reference to the plan in a workflow hands over a deep copy of all of it.
 */
export type ZonosImportPlanOutline = {
  kind: ZonosImportPlan["kind"]
  /** Zonos was read: the order's Zonos status is applied once the order exists. */
  zonos_read: boolean
}

export function outlineOf<M>(plan: ZonosImportPlan<M>): ZonosImportPlanOutline {
  switch (plan.kind) {
    case "record_failure":
      return { kind: plan.kind, zonos_read: false }
    case "order_exists":
      return { kind: plan.kind, zonos_read: plan.detail !== null }
    case "create_order":
      return { kind: plan.kind, zonos_read: true }
  }
}

/** A Medusa order as the import reports it: its id and the display number Zonos is told. */
export type ZonosOrderRef = { id: string; display_id: number }

/** An order as this import created it: what the later steps need of it, so nothing reads it back. */
export type ZonosOrderAsCreated = { status: string; metadata: Record<string, unknown> }

/** The Medusa order of a Zonos order; `as_created` when this import made it (null: made earlier, adopted). */
export type ZonosMedusaOrder = ZonosOrderRef & { as_created: ZonosOrderAsCreated | null }

/**
 * The Medusa order once the plan ran: the one it found (the row's) or the one it created; null
 * when there is none, also for a failure on a row linked to an order an interrupted import left
 * unrecorded (that order is finished by the next import, not written back by this one).
 */
export function medusaOrderAfterPlan(
  outline: ZonosImportPlanOutline,
  linked: ZonosOrderRef | null,
  created: ZonosOrderRef | null
): ZonosOrderRef | null {
  switch (outline.kind) {
    case "order_exists":
      return linked
    case "create_order":
      return created
    case "record_failure":
      return null
  }
}

/** What settle-zonos-order is to record once the plan ran (null: nothing, Zonos was not read or there is no order). */
export type ZonosSettlement = {
  order_id: string
  /** This import made or finished the order: the row is recorded as imported. */
  imported: boolean
  /** The order as this import created it (not read back); null when it is older. */
  as_created: ZonosOrderAsCreated | null
}

export function settlementAfterPlan(
  outline: ZonosImportPlanOutline,
  linked: ZonosOrderRef | null,
  created: ZonosMedusaOrder | null
): ZonosSettlement | null {
  if (outline.kind === "create_order" && created) {
    return { order_id: created.id, imported: true, as_created: created.as_created }
  }
  if (outline.kind === "order_exists" && outline.zonos_read && linked) {
    return { order_id: linked.id, imported: false, as_created: null }
  }
  return null
}

/**
 * What the import answers: the row, where it stands after the step that wrote it last (or as
 * it was, when no step wrote it), and the Medusa order it is linked to.
 */
export function zonosImportResultOf(
  row: { record_id: string; zonos_order_number: string },
  standing: ZonosRowStanding,
  order: ZonosOrderRef | null
): ZonosImportResult {
  return {
    record_id: row.record_id,
    zonos_order_number: row.zonos_order_number,
    state: standing.state,
    hold_reason: standing.hold_reason,
    outcome: IMPORT_OUTCOME_BY_STATE[standing.state],
    order_id: order?.id ?? null,
    display_id: order?.display_id ?? null,
    last_error: standing.last_error,
  }
}

/** The orderDetail Zonos answered, when the plan carries one. */
export function zonosDetailOf<M>(plan: ZonosImportPlan<M>): ZonosOrderDetail | null {
  return plan.kind === "record_failure" ? null : plan.detail
}
