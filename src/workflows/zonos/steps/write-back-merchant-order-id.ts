import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { nextAttemptAt } from "../../../modules/zonos/utils/retry-schedule"

/** The row, and the display number of its Medusa order: what Zonos is told. */
export type ZonosWriteBackTarget = { record_id: string; display_id: number }

/**
 * Tells Zonos the Medusa order's display id (updateMerchantOrderId), once the order exists.
 * A failure never undoes the import: it is recorded, and the sweep retries it until it
 * succeeds (Zonos also lists such orders under missingMerchantOrderId).
 */
export const writeBackMerchantOrderIdStep = createStep(
  "write-back-merchant-order-id",
  async (input: ZonosWriteBackTarget, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const record = await zonos.readZonosOrderColumns(input.record_id, [
      "id",
      "zonos_order_number",
      "merchant_order_id_sent_at",
      "writeback_attempts",
    ])
    if (record.merchant_order_id_sent_at) {
      return new StepResponse({ sent: true })
    }
    const merchantOrderId = String(input.display_id)
    try {
      await zonos.client.updateMerchantOrderId(record.zonos_order_number, merchantOrderId)
      await zonos.patchZonosOrder(record.id, {
        merchant_order_id: merchantOrderId,
        merchant_order_id_sent_at: new Date(),
        writeback_error: null,
      })
      return new StepResponse({ sent: true })
    } catch (error) {
      const attempts = record.writeback_attempts + 1
      await zonos.patchZonosOrder(record.id, {
        merchant_order_id: merchantOrderId,
        writeback_attempts: attempts,
        writeback_error: error instanceof Error ? error.message : String(error),
        next_attempt_at: nextAttemptAt(attempts, new Date()),
      })
      return new StepResponse({ sent: false })
    }
  }
)
