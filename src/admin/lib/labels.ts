/**
 * The words and colours for everything the admin labels: import states and holds (their words
 * come from the server's vocabulary file), Zonos statuses, history lines, sweeps, the
 * connection, duties and payment facts. Pure.
 */
import {
  HOLD_REASON_HINTS,
  HOLD_REASON_TEXT,
  IMPORT_STATE_LABELS,
  isMerchantReleasable as isReleasableReason,
  isZonosHoldReason,
  ZonosImportState,
} from "../../modules/zonos/zonos-order-states"
import type {
  ZonosConnectionStatus,
  ZonosHistoryEntry,
  ZonosSweep,
  ZonosSweepCounts,
  ZonosSweepStatus,
} from "./types"
import { formatRelativeTime, isZeroAmount } from "./money"
import { BadgeColor, humanize, lookup, titleCase } from "./words"

const STATE_COLORS: Record<ZonosImportState, BadgeColor> = {
  pending: "blue",
  imported: "green",
  held: "orange",
  cancelled: "grey",
  failed: "red",
  not_found: "grey",
  needs_attention: "purple",
}

export function stateLabel(state: string): string {
  return lookup(IMPORT_STATE_LABELS, state) ?? humanize(state)
}

export function stateColor(state: string): BadgeColor {
  return lookup(STATE_COLORS, state) ?? "grey"
}

/** The filter options of the orders table, in the order a merchant looks for them. */
const FILTER_ORDER: ZonosImportState[] = ["imported", "held", "failed", "cancelled", "needs_attention", "pending", "not_found"]
export const STATE_FILTER_OPTIONS: { label: string; value: ZonosImportState }[] = FILTER_ORDER.map((value) => ({
  label: IMPORT_STATE_LABELS[value],
  value,
}))

/** The hold in words, e.g. "On hold: fraud review by Zonos" (the words are the server's). */
export function holdReasonText(reason: string | null | undefined): string {
  if (!reason) return "On hold"
  return isZonosHoldReason(reason) ? `On hold: ${HOLD_REASON_TEXT[reason]}` : `On hold: ${humanize(reason).toLowerCase()}`
}

/** Who ends the hold and what to do meanwhile. */
export function holdReasonHint(reason: string | null | undefined): string {
  return isZonosHoldReason(reason) ? HOLD_REASON_HINTS[reason] : "Do not ship this order while it is on hold."
}

/** Holds a merchant may release (Zonos ends its own holds). */
export function isMerchantReleasable(reason: string | null | undefined): boolean {
  return isZonosHoldReason(reason) && isReleasableReason(reason)
}

const ZONOS_STATUS_LABELS: Record<string, string> = {
  IGLOBAL_ORDER_IN_PROCESS: "In process",
  IGLOBAL_FRAUD_REVIEW: "Fraud review",
  IGLOBAL_ORDER_ON_HOLD: "On hold",
  IGLOBAL_ORDER_CANCELLED: "Cancelled",
  IGLOBAL_ORDER_CANCELED: "Cancelled",
  IGLOBAL_LABELS_PROCESSING: "Labels processing",
  VENDOR_PREPARING_ORDER: "Preparing order",
  VENDOR_SHIPMENT_READY: "Shipment ready",
  VENDOR_LABELS_PRINTED_DATE: "Labels printed",
  VENDOR_CANCELLATION_REQUEST: "Cancellation requested",
  VENDOR_END_OF_DAY_COMPLETE: "End of day complete",
}

const ZONOS_STATUS_COLORS: Record<string, BadgeColor> = {
  IGLOBAL_ORDER_IN_PROCESS: "green",
  IGLOBAL_FRAUD_REVIEW: "orange",
  IGLOBAL_ORDER_ON_HOLD: "orange",
  IGLOBAL_ORDER_CANCELLED: "red",
  IGLOBAL_ORDER_CANCELED: "red",
  IGLOBAL_LABELS_PROCESSING: "blue",
  VENDOR_CANCELLATION_REQUEST: "orange",
}

/** "Fraud review" for IGLOBAL_FRAUD_REVIEW; unknown statuses are shown in words, never hidden. */
export function zonosStatusLabel(status: string | null | undefined): string {
  if (!status) return "Unknown"
  return ZONOS_STATUS_LABELS[status] ?? humanize(status.replace(/^(IGLOBAL|VENDOR)_(ORDER_)?/, ""))
}

export function zonosStatusColor(status: string | null | undefined): BadgeColor {
  if (!status) return "grey"
  return ZONOS_STATUS_COLORS[status] ?? (status.startsWith("VENDOR_") ? "blue" : "grey")
}

const SOURCE_LABELS: Record<string, string> = {
  success_page: "Success page",
  sweep: "Sweep",
  admin: "Admin",
  system: "System",
}

export function historySourceLabel(source: string | null | undefined): string {
  return (source && SOURCE_LABELS[source]) || humanize(source ?? "unknown")
}

const EVENT_LABELS: Record<string, string> = {
  seen: "Order seen",
  imported: "Imported into Medusa",
  import_failed: "Import failed",
  not_found: "Zonos has no such order",
  dismissed: "Dismissed by a merchant",
  stock_shortfall: "Imported with a stock shortfall",
  note: "Note",
  cancelled: "Cancelled by Zonos",
  cancel_refused: "Zonos cancelled it, Medusa refused the cancellation",
  "released by Zonos": "Hold released by Zonos",
}

/** The history line's title, e.g. "Held: fraud review by Zonos". */
export function historyEventText(entry: Pick<ZonosHistoryEntry, "event">): string {
  const known = EVENT_LABELS[entry.event]
  if (known) return known
  const text = entry.event.replace(/_/g, " ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Newest first, at most `limit` entries. */
export function recentHistory(entries: ZonosHistoryEntry[] | null | undefined, limit = 20): ZonosHistoryEntry[] {
  return [...(entries ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit)
}

const SWEEP_STATUS_LABELS: Record<ZonosSweepStatus, string> = {
  running: "Running",
  succeeded: "Succeeded",
  partial: "Partly done",
  failed: "Failed",
}

const SWEEP_STATUS_COLORS: Record<ZonosSweepStatus, BadgeColor> = {
  running: "blue",
  succeeded: "green",
  partial: "orange",
  failed: "red",
}

export function sweepStatusLabel(status: string): string {
  return lookup(SWEEP_STATUS_LABELS, status) ?? humanize(status)
}

export function sweepStatusColor(status: string): BadgeColor {
  return lookup(SWEEP_STATUS_COLORS, status) ?? "grey"
}

export function sweepTriggerLabel(trigger: string): string {
  if (trigger === "schedule") return "scheduled"
  if (trigger === "admin") return "run from the admin"
  if (trigger === "backfill") return "backfill"
  return humanize(trigger).toLowerCase()
}

const COUNT_LABELS: [keyof ZonosSweepCounts, string][] = [
  ["listed", "listed"],
  ["imported", "imported"],
  ["on_hold", "on hold"],
  ["cancelled", "cancelled"],
  ["needs_attention", "need attention"],
  ["processing", "still processing"],
  ["failed", "failed"],
  ["not_found", "not found at Zonos"],
  ["not_in_medusa", "listed but not in Medusa yet"],
  ["refreshed", "re-checked"],
  ["written_back", "written back"],
]

/** "12 listed · 9 imported · 2 on hold"; zero counts are left out except "listed". */
export function sweepCountsText(counts: ZonosSweepCounts | null | undefined): string {
  if (!counts) return "No counts"
  const parts = COUNT_LABELS.filter(([key]) => key === "listed" || (counts[key] ?? 0) > 0).map(
    ([key, label]) => `${counts[key] ?? 0} ${label}`
  )
  return parts.join(" · ")
}

/** "12 of 50 orders handled" (a sweep still listing: "Listing orders at Zonos"). */
export function sweepProgressText(sweep: ZonosSweep): string {
  if (sweep.total === null) return "Listing orders at Zonos"
  return `${sweep.done ?? 0} of ${sweep.total} orders handled`
}

/** The share of a sweep's orders handled, 0 to 100 (a sweep with nothing to hand out is done). */
export function sweepPercent(sweep: ZonosSweep): number {
  if (!sweep.total) return sweep.status === "running" ? 0 : 100
  return Math.min(100, Math.round(((sweep.done ?? 0) / sweep.total) * 100))
}

/** "3 minutes ago, run from the admin" (a running sweep: when it started). */
export function sweepWhen(sweep: ZonosSweep, now: Date = new Date()): string {
  const when = formatRelativeTime(sweep.finished_at ?? sweep.started_at, now)
  return `${sweep.finished_at ? "" : "started "}${when}, ${sweepTriggerLabel(sweep.trigger)}`
}

/** "Succeeded 3 minutes ago, run from the admin". */
export function sweepSummary(sweep: ZonosSweep, now: Date = new Date()): string {
  return `${sweepStatusLabel(sweep.status)} ${sweepWhen(sweep, now)}`
}

const CONNECTION_LABELS: Record<ZonosConnectionStatus, string> = {
  connected: "Connected",
  invalid_credentials: "Invalid credentials",
  unreachable: "Unreachable",
}

const CONNECTION_COLORS: Record<ZonosConnectionStatus, BadgeColor> = {
  connected: "green",
  invalid_credentials: "red",
  unreachable: "orange",
}

export function connectionLabel(status: string): string {
  return lookup(CONNECTION_LABELS, status) ?? humanize(status)
}

export function connectionColor(status: string): BadgeColor {
  return lookup(CONNECTION_COLORS, status) ?? "grey"
}

const BREAKDOWN_LABELS: Record<string, string> = {
  duty: "Duty",
  vatTax: "VAT / sales tax",
  brokerageFee: "Brokerage fee",
  dispursementFee: "Disbursement fee",
  vatOnDispursementFee: "VAT on disbursement fee",
  prepaymentFee: "Prepayment fee",
}

/** The non-zero parts of dutyTaxesBreakdown, labelled, known keys first. */
export function dutyBreakdownRows(
  breakdown: Record<string, unknown> | null | undefined
): { key: string; label: string; amount: string }[] {
  if (!breakdown) return []
  const known = Object.keys(BREAKDOWN_LABELS)
  const keys = [...known.filter((key) => key in breakdown), ...Object.keys(breakdown).filter((key) => !known.includes(key))]
  return keys.flatMap((key) => {
    const value = breakdown[key]
    if ((typeof value !== "string" && typeof value !== "number") || isZeroAmount(value)) return []
    return [{ key, label: BREAKDOWN_LABELS[key] ?? humanize(key), amount: String(value) }]
  })
}

/**
 * "Visa •••• 4242" and "Stripe" (or "iGlobal CC (CyberSource)" when the processor differs)
 * from paymentProcessing; nulls for what Zonos did not send.
 */
export function paymentFacts(
  payment:
    | { paymentGateway?: string | null; paymentProcessor?: string | null; cardType?: string | null; lastFour?: string | null }
    | null
    | undefined
): { card: string | null; gateway: string | null } {
  if (!payment) return { card: null, gateway: null }
  const type = payment.cardType ? titleCase(payment.cardType) : null
  const lastFour = payment.lastFour ? `•••• ${payment.lastFour}` : null
  const card = [type, lastFour].filter(Boolean).join(" ") || null
  const gateway = payment.paymentGateway ? titleCase(payment.paymentGateway) : null
  const processor = payment.paymentProcessor ? titleCase(payment.paymentProcessor) : null
  if (!gateway) return { card, gateway: processor }
  return { card, gateway: processor && processor !== gateway ? `${gateway} (${processor})` : gateway }
}
