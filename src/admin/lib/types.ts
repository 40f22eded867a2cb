/** What the plugin's admin API answers (see src/api/admin/zonos). */
import type {
  ZonosHoldReason,
  ZonosImportOutcome,
  ZonosImportResult,
  ZonosImportState,
} from "../../modules/zonos/zonos-order-states"
import type { ShipmentSync } from "../../workflows/zonos/plans/plan-shipment-sync"

export type { ZonosHoldReason, ZonosImportOutcome, ZonosImportResult, ZonosImportState }

export type ZonosOrderRow = {
  id: string
  /** Normalised: "1001" for "999-1001". */
  zonos_order_number: string
  reference_id: string | null
  zonos_status: string | null
  zonos_status_at: string | null
  test_order: boolean
  csl_match: boolean
  state: ZonosImportState
  hold_reason: ZonosHoldReason | null
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
  imported_at: string | null
  last_checked_at: string | null
  merchant_order_id: string | null
  merchant_order_id_sent_at: string | null
  writeback_error: string | null
  /** A merchant dismissed this row (it will never import); hidden from the default list. */
  dismissed_at: string | null
  dismiss_note: string | null
  created_at: string
  updated_at: string
  order: { id: string; display_id: number | null } | null
}

/** Amounts are decimal strings ("123.45"); every key may be missing. */
export type ZonosOrderDetail = {
  orderId?: string
  referenceId?: string | null
  orderStatus?: string | null
  trackingNumber?: string | null
  testOrder?: boolean | null
  cslListMatch?: boolean | null
  itemsTotal?: string | null
  shippingTotal?: string | null
  dutyTaxesTotal?: string | null
  quotedDutyTaxes?: string | null
  grandTotal?: string | null
  itemsTotalForeign?: string | null
  shippingTotalForeign?: string | null
  dutyTaxesTotalForeign?: string | null
  quotedDutyTaxesForeign?: string | null
  grandTotalForeign?: string | null
  foreignCurrencyCode?: string | null
  dutyTaxesBreakdown?: Record<string, string | null> | null
  paymentProcessing?: {
    paymentGateway?: string | null
    paymentProcessor?: string | null
    cardType?: string | null
    lastFour?: string | null
    transactionType?: string | null
  } | null
  [key: string]: unknown
}

export type ZonosHistorySource = "success_page" | "sweep" | "admin" | "system"

export type ZonosHistoryEntry = {
  at: string
  source: ZonosHistorySource
  event: string
  detail?: string
}

/** What Zonos has been told about shipping: the server's own type. */
export type ZonosShipmentSync = ShipmentSync

export type ZonosShipmentUpdateResult = {
  zonos_order_number: string | null
  sent_tracking: string[] | null
  sent_vendor_status: string | null
  error: string | null
}

/** A line imported without a stock reservation (order metadata zonos_unreserved_lines). */
export type ZonosUnreservedLine = { line_item_id: string; title: string; sku: string | null; quantity: string; reason: string }

export type ZonosOrderFull = ZonosOrderRow & {
  shipment_sync?: Partial<ZonosShipmentSync> | null
  shipment_sync_due_at?: string | null
  writeback_attempts: number
  released_by: string | null
  release_note: string | null
  order_detail: ZonosOrderDetail | null
  /** Discount making the panel's amounts add up to Zonos's total (server-side, exact); null when none. */
  panel_discount?: { usd: string | null; foreign: string | null } | null
  history: { entries: ZonosHistoryEntry[] } | null
}

export type ZonosSweepStatus = "running" | "succeeded" | "partial" | "failed"

export type ZonosSweepCounts = {
  listed?: number
  imported?: number
  on_hold?: number
  cancelled?: number
  needs_attention?: number
  processing?: number
  failed?: number
  not_found?: number
  not_in_medusa?: number
  refreshed?: number
  written_back?: number
  [key: string]: number | undefined
}

export type ZonosSweep = {
  id: string
  trigger: string
  status: ZonosSweepStatus
  started_at: string
  finished_at: string | null
  since_date: string | null
  cursor_date: string | null
  counts: ZonosSweepCounts | null
  error: string | null
  /** Orders the sweep handed to the workers (null while it is still listing). */
  total: number | null
  /** Of those, how many are handled (counted from the sweep's rows). */
  done?: number
}

export type ZonosConnectionStatus = "connected" | "invalid_credentials" | "unreachable"

export type ZonosConnection = {
  status: ZonosConnectionStatus
  message: string
  store_id: string
  api_url: string
  currency: string
  storefront_success_url: string | null
  sweep_schedule: string
  next_sweep_at: string | null
  last_sweep: ZonosSweep | null
  /** Set when no region can take the imports (e.g. none in USD). */
  region_warning: string | null
}

export type ZonosOrderListQuery = {
  state?: ZonosImportState
  test_order?: boolean
  dismissed?: boolean
  q?: string
  limit: number
  offset: number
}

export type ZonosOrderList = { zonos_orders: ZonosOrderRow[]; count: number; limit: number; offset: number }
