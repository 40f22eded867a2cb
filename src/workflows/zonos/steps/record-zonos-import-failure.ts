import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { normalizeZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory, ZonosImportSource } from "../../../modules/zonos/utils/history"
import { nextAttemptAt } from "../../../modules/zonos/utils/retry-schedule"

export type RecordZonosImportFailureInput = {
  /** "999-12345" or "12345". */
  zonos_order_id: string
  source: ZonosImportSource
  message: string
}

const SETTLED_STATES = ["imported", "held", "cancelled", "needs_attention"]

/**
 * Records why an import failed and counts the attempt, so the failure is visible and the
 * sweep retries it when due (whatever the cause: Zonos down, or a setting to fix). A row whose order exists already keeps its state: only the
 * history notes the failed refresh.
 */
export const recordZonosImportFailureStep = createStep(
  "record-zonos-import-failure",
  async (input: RecordZonosImportFailureInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const zonosOrderId = normalizeZonosOrderId(input.zonos_order_id)
    const [existing] = await zonos.listZonosOrders({ zonos_order_id: zonosOrderId }, { take: 1 })
    const record = existing ?? (await zonos.createZonosOrders({ zonos_order_id: zonosOrderId, state: "pending" }))
    const now = new Date()
    const history = appendHistory(record.history, {
      at: now.toISOString(),
      source: input.source,
      event: "import_failed",
      detail: input.message,
    })

    if (SETTLED_STATES.includes(record.state)) {
      await zonos.updateZonosOrders({ id: record.id, history, last_error: input.message })
      return new StepResponse({ record_id: record.id, state: record.state })
    }

    const attempts = record.attempts + 1
    await zonos.updateZonosOrders({
      id: record.id,
      state: "failed",
      attempts,
      last_error: input.message,
      next_attempt_at: nextAttemptAt(attempts, now),
      history,
    })
    return new StepResponse({ record_id: record.id, state: "failed" })
  }
)
