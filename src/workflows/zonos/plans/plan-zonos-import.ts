import type { ZonosOrderDetail } from "../../../modules/zonos/client"
import type { MappedZonosOrder } from "../mapping/map-zonos-order"

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
  /** The Medusa order the plan found (`order_exists`), or null. */
  existing_order_id: string | null
  /** Zonos was read: the order's Zonos status is applied once the order exists. */
  zonos_read: boolean
}

export function outlineOf<M>(plan: ZonosImportPlan<M>): ZonosImportPlanOutline {
  switch (plan.kind) {
    case "record_failure":
      return { kind: plan.kind, existing_order_id: null, zonos_read: false }
    case "order_exists":
      return { kind: plan.kind, existing_order_id: plan.order_id, zonos_read: plan.detail !== null }
    case "create_order":
      return { kind: plan.kind, existing_order_id: null, zonos_read: true }
  }
}

/** The Medusa order once the plan ran: the one found or the one created; null when there is none. */
export function medusaOrderAfterPlan(outline: ZonosImportPlanOutline, createdOrderId: string | null): string | null {
  return outline.existing_order_id ?? createdOrderId
}

/** The order whose Zonos status is applied once the plan ran: null when Zonos was not read or there is no order. */
export function orderToApplyStatusTo(outline: ZonosImportPlanOutline, createdOrderId: string | null): string | null {
  return outline.zonos_read ? medusaOrderAfterPlan(outline, createdOrderId) : null
}

/** The orderDetail Zonos answered, when the plan carries one. */
export function zonosDetailOf<M>(plan: ZonosImportPlan<M>): ZonosOrderDetail | null {
  return plan.kind === "record_failure" ? null : plan.detail
}
