import { Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { ZONOS_MODULE } from "../../modules/zonos"
import { MappedZonosOrder } from "./mapping/map-zonos-order"
import { setZonosDiscountsAndTaxesStep } from "./steps/set-zonos-discounts-and-taxes"
import { finishZonosOrderWorkflow } from "./finish-zonos-order"

export type CreateMedusaOrderFromZonosInput = {
  record_id: string
  mapped: MappedZonosOrder
  payment_provider_id: string
}

/**
 * Turns a mapped Zonos order into a Medusa order with core flows: the order, Zonos's
 * duties and taxes as its tax lines, a payment collection for the full amount marked paid
 * through the Zonos payment provider, the link to the zonos_order record, and
 * `order.placed` so the store's order-confirmation subscribers fire. If any part fails,
 * the parts done so far are undone (no half-made orders).
 */
export const createMedusaOrderFromZonosWorkflow = createWorkflow(
  "create-medusa-order-from-zonos",
  (input: CreateMedusaOrderFromZonosInput) => {
    // Adjustments are set after creation: createOrderWorkflow would replace them.
    const orderInput = transform({ input }, ({ input }) => ({
      ...input.mapped.input,
      items: input.mapped.input.items.map(({ adjustments: _setLater, ...item }) => item),
    }))
    const order = createOrderWorkflow.runAsStep({ input: orderInput })

    setZonosDiscountsAndTaxesStep(
      transform({ order, input }, ({ order, input }) => ({ order_id: order.id, mapped: input.mapped }))
    )

    // The amount Zonos captured: Zonos's grand total, which the mapping makes the order's total.
    // The workflow's input type wants a number; a decimal of at most 15 significant digits
    // survives the string -> number -> string round trip unchanged, so nothing is lost.
    const paymentCollections = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ order, input }, ({ order, input }) => ({
        order_id: order.id,
        amount: Number(input.mapped.totals.total),
      })),
    })
    markPaymentCollectionAsPaid.runAsStep({
      input: transform({ order, paymentCollections, input }, ({ order, paymentCollections, input }) => ({
        order_id: order.id,
        payment_collection_id: paymentCollections[0].id,
        provider_id: input.payment_provider_id,
        captured_by: "zonos",
      })),
    })

    createRemoteLinkStep(
      transform({ order, input }, ({ order, input }) => [
        {
          [ZONOS_MODULE]: { zonos_order_id: input.record_id },
          [Modules.ORDER]: { order_id: order.id },
        },
      ])
    ).config({ name: "link-zonos-order" })

    finishZonosOrderWorkflow.runAsStep({ input: transform({ order }, ({ order }) => ({ order_id: order.id })) })

    emitEventStep({
      eventName: OrderWorkflowEvents.PLACED,
      data: transform({ order }, ({ order }) => ({ id: order.id })),
    }).config({ name: "emit-zonos-order-placed" })

    return new WorkflowResponse(transform({ order }, ({ order }) => ({ order_id: order.id })))
  }
)
