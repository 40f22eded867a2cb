import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZonosOrderCapture } from "../plans/plan-zonos-order-completion"

export type RecordZonosCaptureTransactionsInput = {
  order_id: string
  captures: ZonosOrderCapture[]
}

/**
 * Records on the order the captures an interrupted import made but did not record: Medusa's
 * capture workflow captures the payment, then adds the order transaction in a later step, so a
 * process killed between the two leaves a captured payment the order does not count as paid.
 * The transaction references the capture, exactly as Medusa's own step writes it.
 */
export const recordZonosCaptureTransactionsStep = createStep(
  "record-zonos-capture-transactions",
  async (input: RecordZonosCaptureTransactionsInput, { container }) => {
    const orderModule = container.resolve(Modules.ORDER)
    const order = await orderModule.retrieveOrder(input.order_id, { select: ["id", "currency_code"] })
    const created = await orderModule.addOrderTransactions(
      input.captures.map((capture) => ({
        order_id: order.id,
        amount: capture.amount,
        currency_code: order.currency_code,
        reference: "capture",
        reference_id: capture.id,
      }))
    )
    return new StepResponse(
      undefined,
      created.map((transaction) => transaction.id)
    )
  },
  async (transactionIds, { container }) => {
    if (!transactionIds?.length) return
    await container.resolve(Modules.ORDER).deleteOrderTransactions(transactionIds)
  }
)
