/**
 * The sentences that say where a Zonos order stands: a table row's summary and the toasts after
 * an import, retry or check. Pure.
 */
import type { ZonosImportResult, ZonosOrderRow } from "./types"
import { holdReasonText, stateLabel } from "./labels"
import { zonosOrderLabel } from "./words"

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
  const label = `Zonos order ${zonosOrderLabel(result.zonos_order_number, storeId)}`
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

/** A toast's words after "Check with Zonos now". */
export function checkOutcomeText(result: ZonosImportResult, storeId?: string | null): {
  title: string
  description: string
  tone: "success" | "warning" | "error"
} {
  const title = `Checked ${zonosOrderLabel(result.zonos_order_number, storeId)} with Zonos`
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
