import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { normalizeZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory, ZonosImportSource } from "../../../modules/zonos/utils/history"
import { isZonosHoldReason, stateAfterImportFailure, ZonosRowStanding } from "../../../modules/zonos/zonos-order-states"
import { nextAttemptAt } from "../../../modules/zonos/utils/retry-schedule"

export type RecordZonosImportFailureInput = {
  /** "999-12345" or "12345". */
  zonos_order_id: string
  source: ZonosImportSource
  message: string
  /** The Zonos client's error code when Zonos caused the failure ("order_not_found", "timeout", ...). */
  error_code?: string | null
  /** orderNumbers listed this order (so "not found" is Zonos being inconsistent, not a bad id). */
  listed_by_zonos?: boolean
}

type RecordedZonosImportFailure = { record_id: string; standing: ZonosRowStanding }

/**
 * Records why an import failed and counts the attempt, so the failure is visible. Where the row
 * goes is decided by `stateAfterImportFailure`: `failed` (the sweep retries it when due),
 * `not_found` (final: no retry), or unchanged for a row whose order exists already.
 */
export const recordZonosImportFailureStep = createStep(
  "record-zonos-import-failure",
  async (input: RecordZonosImportFailureInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const zonosOrderId = normalizeZonosOrderId(input.zonos_order_id, zonos.getSettings().storeId)
    const record = await zonos.findOrCreateZonosOrder(zonosOrderId, input.source)
    const now = new Date()
    const state = stateAfterImportFailure({
      current_state: record.state,
      error_code: input.error_code ?? null,
      listed_by_zonos: input.listed_by_zonos ?? false,
    })
    const history = appendHistory(record.history, {
      at: now.toISOString(),
      source: input.source,
      event: state === "not_found" ? "not_found" : "import_failed",
      detail: input.message,
    })

    const standing: ZonosRowStanding = {
      state,
      hold_reason: isZonosHoldReason(record.hold_reason) ? record.hold_reason : null,
      last_error: input.message,
    }
    if (state !== "failed" && state !== "not_found") {
      // A settled row: only the history and the last error note the failed re-read.
      await zonos.updateZonosOrders({ id: record.id, history, last_error: input.message })
      return new StepResponse<RecordedZonosImportFailure>({ record_id: record.id, standing })
    }

    const attempts = record.attempts + 1
    await zonos.updateZonosOrders({
      id: record.id,
      state,
      attempts,
      last_error: input.message,
      last_checked_at: now,
      next_attempt_at: state === "failed" ? nextAttemptAt(attempts, now) : null,
      history,
    })
    return new StepResponse<RecordedZonosImportFailure>({ record_id: record.id, standing })
  }
)
