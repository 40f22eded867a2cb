/**
 * What the plugin tells Zonos about shipping, and what it still has to. PURE.
 *
 * Zonos wants every order's tracking numbers (it bills unmatched carrier duty invoices) and the
 * merchant's progress as VENDOR_* statuses; it refuses both while an order is on hold, in fraud
 * review, cancelled or its labels are processing. So each update is remembered on the
 * zonos_order row (`shipment_sync`): what Zonos accepted, and what is pending after a refusal,
 * which the sweep sends again when due. Nothing is sent twice: the same tracking numbers or
 * the vendor status Zonos already has are skipped.
 */
export type ShipmentSync = {
  /** The tracking numbers Zonos has (the last list it accepted, all of the order's numbers). */
  tracking_numbers: string[]
  tracking_sent_at: string | null
  /** The last VENDOR_* status Zonos accepted. */
  vendor_status: string | null
  vendor_status_sent_at: string | null
  /** A vendor status Zonos refused, to send again. */
  pending_vendor_status: string | null
  /** Tracking numbers are to be sent again (Zonos refused them). */
  pending_tracking: boolean
  attempts: number
  last_error: string | null
  last_error_at: string | null
}

export const EMPTY_SHIPMENT_SYNC: ShipmentSync = {
  tracking_numbers: [],
  tracking_sent_at: null,
  vendor_status: null,
  vendor_status_sent_at: null,
  pending_vendor_status: null,
  pending_tracking: false,
  attempts: 0,
  last_error: null,
  last_error_at: null,
}

/** The stored JSON read leniently: anything missing takes its empty value. */
export function readShipmentSync(value: unknown): ShipmentSync {
  if (typeof value !== "object" || value === null) return { ...EMPTY_SHIPMENT_SYNC }
  const record: Record<string, unknown> = Object.fromEntries(Object.entries(value))
  const get = (key: string): unknown => record[key]
  const text = (key: string) => {
    const found = get(key)
    return typeof found === "string" ? found : null
  }
  const numbers = get("tracking_numbers")
  const attempts = get("attempts")
  return {
    tracking_numbers: Array.isArray(numbers) ? numbers.filter((n): n is string => typeof n === "string") : [],
    tracking_sent_at: text("tracking_sent_at"),
    vendor_status: text("vendor_status"),
    vendor_status_sent_at: text("vendor_status_sent_at"),
    pending_vendor_status: text("pending_vendor_status"),
    pending_tracking: get("pending_tracking") === true,
    attempts: typeof attempts === "number" ? attempts : 0,
    last_error: text("last_error"),
    last_error_at: text("last_error_at"),
  }
}

/** The order's tracking numbers as Zonos gets them: trimmed, unique, sorted (so comparisons hold). */
export function normaliseTrackingNumbers(numbers: (string | null | undefined)[]): string[] {
  return [...new Set(numbers.map((n) => (typeof n === "string" ? n.trim() : "")).filter((n) => n !== ""))].sort()
}

const CANCELLATION_REQUEST = "VENDOR_CANCELLATION_REQUEST"

export type ShipmentPlan = {
  /** All of the order's numbers, when Zonos does not have exactly these yet. */
  tracking: string[] | null
  vendor_status: string | null
}

/**
 * What to send now. `wanted` is the vendor status this event asks for (if any); a pending one
 * from an earlier refusal is sent when no new one is asked. `force` sends again what Zonos has
 * ("Send again" in the admin).
 */
export function planShipmentUpdate(
  sync: ShipmentSync,
  trackingNumbers: string[],
  wanted: string | null,
  force = false,
  zonosCancelled = false
): ShipmentPlan {
  // Zonos cancelled the order itself: a cancellation request has nothing left to ask.
  if (zonosCancelled) {
    if (wanted === CANCELLATION_REQUEST) wanted = null
    if (sync.pending_vendor_status === CANCELLATION_REQUEST) sync = { ...sync, pending_vendor_status: null }
  }
  const same = trackingNumbers.length === sync.tracking_numbers.length && trackingNumbers.every((n, i) => n === sync.tracking_numbers[i])
  const tracking = trackingNumbers.length && (force || sync.pending_tracking || !same) ? trackingNumbers : null
  const status = wanted ?? sync.pending_vendor_status ?? (force ? sync.vendor_status : null)
  const vendorStatus = status && (force || status !== sync.vendor_status) ? status : null
  return { tracking, vendor_status: vendorStatus }
}
