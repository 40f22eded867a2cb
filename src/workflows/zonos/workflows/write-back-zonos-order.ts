import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findZonosWriteBackStep } from "../steps/find-zonos-write-back"
import { writeBackMerchantOrderIdStep } from "../steps/write-back-merchant-order-id"

/**
 * Tells Zonos the Medusa order number of an order imported already (updateMerchantOrderId), for
 * the sweep's retries of write-backs that failed. Answers whether Zonos has it now, so the sweep
 * counts what was really written back. A failure is recorded on the row, never thrown.
 */
export const writeBackZonosOrderWorkflow = createWorkflow("write-back-zonos-order", (input: { zonos_order_id: string }) => {
  const target = findZonosWriteBackStep(input)
  const written = when("zonos-order-to-write-back", { target }, ({ target }) => target !== null).then(() =>
    writeBackMerchantOrderIdStep(
      transform({ target }, ({ target }) => {
        if (!target) throw new Error("No Medusa order to write back")
        return target
      })
    )
  )
  return new WorkflowResponse(transform({ written }, ({ written }) => ({ sent: written?.sent ?? false })))
})
