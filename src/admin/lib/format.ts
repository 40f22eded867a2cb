/**
 * Words, colours and numbers the admin shows for Zonos orders. Pure functions only: no
 * React, no fetch, so they can be tested on their own.
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
  ZonosImportResult,
  ZonosOrderRow,
  ZonosSweep,
  ZonosSweepCounts,
  ZonosSweepStatus,
} from "./types"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const DASH = "-"

/** `table[key]` for a key read as a plain string (an API value): undefined when it is not one of the table's. */
function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}

// ---------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------

/** "999-1001" from the store id and the normalised id; the bare id when the store is unknown. */
export function zonosOrderLabel(zonosOrderId: string, storeId?: string | null): string {
  if (/^\d+-\d+$/.test(zonosOrderId)) return zonosOrderId
  return storeId ? `${storeId}-${zonosOrderId}` : zonosOrderId
}

/** "#12" for a Medusa display id. */
export function medusaOrderLabel(displayId: number | null | undefined): string {
  return displayId === null || displayId === undefined ? DASH : `#${displayId}`
}

// ---------------------------------------------------------------------------------------
// Money and dates
// ---------------------------------------------------------------------------------------

/**
 * "$1,234.50" for ("1234.5", "USD"). Amounts arrive as decimal strings and are formatted
 * from the string (no float rounding on the way). Null for a missing amount; the amount
 * with its code for a currency Intl does not know.
 */
/** A plain decimal such as "45" or "-12.30", which Intl formats exactly. */
function isDecimalLiteral(text: string): text is Intl.StringNumericLiteral {
  return /^-?\d+(\.\d+)?$/.test(text)
}

export function formatMoney(
  amount: string | number | null | undefined,
  currency: string | null | undefined,
  locale?: string
): string | null {
  if (amount === null || amount === undefined || amount === "") return null
  const text = String(amount).trim()
  if (!isDecimalLiteral(text)) return null
  const code = (currency ?? "").trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code)) return text
  try {
    const formatter = new Intl.NumberFormat(locale, { style: "currency", currency: code })
    // Intl formats a numeric string exactly (ES2023), with no trip through a binary float.
    return formatter.format(text)
  } catch {
    return `${text} ${code}`
  }
}

/** True when a decimal string is zero ("0", "0.00", "-0"). */
export function isZeroAmount(amount: string | number | null | undefined): boolean {
  if (amount === null || amount === undefined || amount === "") return true
  return /^-?0*(\.0*)?$/.test(String(amount).trim())
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "25 Nov 2026, 21:50" in the browser's locale; "-" when missing. */
export function formatDateTime(value: string | Date | null | undefined, locale?: string): string {
  const date = toDate(value)
  if (!date) return DASH
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
]

/** "3 minutes ago", "in 12 minutes", "now"; "-" when missing. */
export function formatRelativeTime(
  value: string | Date | null | undefined,
  now: Date = new Date(),
  locale?: string
): string {
  const date = toDate(value)
  if (!date) return DASH
  let amount = (date.getTime() - now.getTime()) / 1000
  if (Math.abs(amount) < 10) return "just now"
  const formatter = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return formatter.format(Math.round(amount), unit)
    amount /= size
  }
  return formatDateTime(date, locale)
}

// ---------------------------------------------------------------------------------------
// Import states and holds
// ---------------------------------------------------------------------------------------

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

/** One line that says where a Zonos order stands, for the orders table. */
export function rowSummary(row: Pick<ZonosOrderRow, "state" | "hold_reason" | "last_error" | "attempts">): string {
  switch (row.state) {
    case "held":
      return holdReasonText(row.hold_reason)
    case "failed":
      return failureText(row.last_error, row.attempts)
    case "needs_attention":
      return row.last_error ? `Needs attention: ${row.last_error}` : "Zonos and Medusa disagree: check the order"
    case "cancelled":
      return "Cancelled by Zonos"
    case "not_found":
      return "Zonos has no such order (not retried unless Zonos lists it)"
    case "pending":
      return row.last_error
        ? `Waiting for Zonos: ${row.last_error}`
        : "Waiting for Zonos; the next sweep finishes the import"
    case "imported":
      return "Ready to fulfil"
    default:
      return stateLabel(row.state)
  }
}

/** "Import failed after 2 attempts: Zonos answered 500 ..." */
export function failureText(lastError: string | null | undefined, attempts?: number | null): string {
  const tries = attempts && attempts > 1 ? ` after ${attempts} attempts` : ""
  return lastError ? `Import failed${tries}: ${lastError}` : `Import failed${tries}`
}

/** A toast's words for the result of an import, retry or check. */
export function importOutcomeText(result: ZonosImportResult, storeId?: string | null): {
  title: string
  description: string
  tone: "success" | "warning" | "error"
} {
  const label = `Zonos order ${zonosOrderLabel(result.zonos_order_id, storeId)}`
  const order = result.display_id !== null && result.display_id !== undefined ? ` as order #${result.display_id}` : ""
  switch (result.outcome) {
    case "imported":
      return { title: `${label} imported`, description: `Imported${order}; it is ready to fulfil.`, tone: "success" }
    case "on_hold":
      return {
        title: `${label} imported, on hold`,
        description: `Imported${order}. ${holdReasonText(result.hold_reason)}.`,
        tone: "warning",
      }
    case "cancelled":
      return { title: `${label} is cancelled`, description: "Zonos cancelled this order; nothing to ship.", tone: "warning" }
    case "needs_attention":
      return {
        title: `${label} needs attention`,
        description: result.last_error ?? "Zonos and Medusa disagree about this order.",
        tone: "error",
      }
    case "processing":
      return {
        title: `${label} is not imported yet`,
        description: result.last_error
          ? `Zonos could not be read (${result.last_error}). The sweep tries again.`
          : "Another import of this order is running; it finishes shortly.",
        tone: "warning",
      }
    case "not_found":
      return {
        title: `${label} is not a Zonos order`,
        description: "Zonos has no order with this id for this store. Check the id.",
        tone: "error",
      }
    case "failed":
    default:
      return { title: `${label} could not be imported`, description: failureText(result.last_error), tone: "error" }
  }
}

// ---------------------------------------------------------------------------------------
// Zonos statuses
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Sweeps and connection
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Order detail: duties, payment
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Errors and words
// ---------------------------------------------------------------------------------------

/** The message of an error thrown by the JS SDK (it carries the API's message) or anything else. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  if (typeof error === "string" && error) return error
  return "Something went wrong"
}

/** "needs_attention" -> "Needs attention"; "BRAINTREE" -> "Braintree". */
export function humanize(value: string): string {
  const text = value.replace(/[_-]+/g, " ").trim().toLowerCase()
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : DASH
}

const PROPER_NAMES: Record<string, string> = {
  JCB: "JCB",
  PAYPAL: "PayPal",
  AMEX: "Amex",
  MASTERCARD: "Mastercard",
  CYBERSOURCE: "CyberSource",
  AUTHORIZE_NET: "Authorize.Net",
  PAYPAL_EXPRESS: "PayPal Express",
  IGLOBAL_CC: "iGlobal CC",
  UNIONPAY: "UnionPay",
}

/** "VISA" -> "Visa", "AMERICAN_EXPRESS" -> "American Express", "PAYPAL" -> "PayPal". */
export function titleCase(value: string): string {
  const known = PROPER_NAMES[value.toUpperCase()]
  if (known) return known
  return value
    .toLowerCase()
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ")
}

/** A toast's words after "Check with Zonos now". */
export function checkOutcomeText(result: ZonosImportResult, storeId?: string | null): {
  title: string
  description: string
  tone: "success" | "warning" | "error"
} {
  const title = `Checked ${zonosOrderLabel(result.zonos_order_id, storeId)} with Zonos`
  switch (result.outcome) {
    case "imported":
      return { title, description: "Not on hold: the order is ready to fulfil.", tone: "success" }
    case "on_hold":
      return { title, description: `${holdReasonText(result.hold_reason)}.`, tone: "warning" }
    case "cancelled":
      return { title, description: "Zonos cancelled this order; nothing to ship.", tone: "warning" }
    case "needs_attention":
      return { title, description: result.last_error ?? "Zonos and Medusa disagree about this order.", tone: "error" }
    default:
      return {
        title,
        description: result.last_error ? `Zonos could not be read: ${result.last_error}` : "Zonos could not be read; try again shortly.",
        tone: "error",
      }
  }
}
