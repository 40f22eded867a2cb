import { Modules, OrderWorkflowEvents, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  capturePaymentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { NO_ZONOS_ORDER_PROGRESS, planZonosOrderCompletion } from "../plans/plan-zonos-order-completion"
import { ZonosMedusaOrder } from "../plans/plan-zonos-import"
import { createOrderInputOf, MappedZonosOrder } from "../mapping/map-zonos-order"
import { findZonosOrderProgressStep } from "../steps/find-zonos-order-progress"
import { linkZonosOrderToCartStep } from "../steps/link-zonos-order-to-cart"
import { recordZonosCaptureTransactionsStep } from "../steps/record-zonos-capture-transactions"
import { recordZonosUnreservedLinesStep } from "../steps/record-zonos-unreserved-lines"
import { reserveZonosOrderInventoryStep } from "../steps/reserve-zonos-order-inventory"
import { setZonosDiscountsAndTaxesStep } from "../steps/set-zonos-discounts-and-taxes"

export type CreateMedusaOrderFromZonosInput = {
  record_id: string
  /** The import made the zonos_order row just now: there is no interrupted attempt to look for. */
  first_attempt: boolean
  mapped: MappedZonosOrder
  payment_provider_id: string
}

/**
 * Turns a mapped Zonos order into a Medusa order with core flows: the order, Zonos's
 * duties and taxes as its tax lines, a payment collection for the full amount marked paid
 * through the Zonos payment provider, the cart link and stock reservations, the link to the
 * zonos_order record, and `order.placed` so the store's order-confirmation subscribers fire.
 *
 * Adopt before create: these are several database transactions, and a process killed between
 * two of them leaves the first ones committed (the in-memory workflow engine neither resumes
 * nor compensates a dead process's workflow). So the workflow first looks for the order an
 * interrupted attempt made for this Zonos id and finishes it, skipping every part that is
 * already there (planZonosOrderCompletion). A failure that does not kill the process still
 * undoes the parts this run made. An import that has just made the zonos_order row skips the
 * search: every attempt makes (or finds) the row before it creates anything, so there is no
 * interrupted one, and the search reads the whole order table (metadata has no index).
 */
export const createMedusaOrderFromZonosWorkflow = createWorkflow(
  "create-medusa-order-from-zonos",
  (input: CreateMedusaOrderFromZonosInput) => {
    // What the conditions and the later steps need, taken from the input once. Every reference to
    // the input (or to a step's output) hands the step a deep copy of it (the SDK's resolveValue),
    // and the input carries the whole mapped order: only the steps that use the mapping take it.
    const facts = transform({ input }, ({ input }) => {
      const cartId = input.mapped.input.metadata.medusa_cart_id
      return {
        record_id: input.record_id,
        zonos_order_id: String(input.mapped.input.metadata.zonos_order_id),
        first_attempt: input.first_attempt,
        total: input.mapped.totals.total,
        payment_provider_id: input.payment_provider_id,
        cart_id: typeof cartId === "string" && cartId ? cartId : null,
        has_variant_lines: input.mapped.input.items.some((item) => !!item.variant_id),
      }
    })
    const found = when("zonos-order-seen-before", { facts }, ({ facts }) => !facts.first_attempt).then(() =>
      findZonosOrderProgressStep(transform({ facts }, ({ facts }) => ({ zonos_order_id: facts.zonos_order_id })))
    )
    const progress = transform({ found }, ({ found }) => found ?? NO_ZONOS_ORDER_PROGRESS)
    const plan = transform({ progress, facts }, ({ progress, facts }) => planZonosOrderCompletion(progress, facts.total))

    const created = when("zonos-order-not-created-yet", { plan }, ({ plan }) => plan.create_order).then(() =>
      // With the duties & taxes and the discount on its lines (mapping rule 6).
      createOrderWorkflow.runAsStep({ input: transform({ input }, ({ input }) => createOrderInputOf(input.mapped)) })
    )
    // The order, and (when this run made it) its status and metadata as made, so nothing reads them back.
    const order = transform({ progress, created }, ({ progress, created }): ZonosMedusaOrder => {
      if (created) {
        return {
          id: created.id,
          display_id: Number(created.display_id),
          as_created: { status: String(created.status), metadata: created.metadata ?? {} },
        }
      }
      if (!progress.order_id || progress.display_id === null) throw new Error("The Medusa order was neither found nor created")
      return { id: progress.order_id, display_id: progress.display_id, as_created: null }
    })
    const orderId = transform({ order }, ({ order }) => order.id)

    // Puts back what createOrderWorkflow left out or replaced; setting replaces what is there, so
    // running it again on an adopted order is harmless.
    setZonosDiscountsAndTaxesStep(transform({ orderId, input }, ({ orderId, input }) => ({ order_id: orderId, mapped: input.mapped })))

    // The amount Zonos captured: Zonos's grand total, which the mapping makes the order's total.
    // The workflow's input type wants a number; a decimal of at most 15 significant digits
    // survives the string -> number -> string round trip unchanged, so nothing is lost.
    const newCollections = when("zonos-payment-collection-missing", { plan }, ({ plan }) => plan.payment.action === "create_collection").then(() =>
      createOrderPaymentCollectionWorkflow.runAsStep({
        input: transform({ orderId, facts }, ({ orderId, facts }) => ({
          order_id: orderId,
          amount: Number(facts.total),
        })),
      })
    )
    const collectionToPay = transform({ plan, newCollections }, ({ plan, newCollections }) =>
      plan.payment.action === "mark_paid" ? plan.payment.payment_collection_id : newCollections?.[0]?.id ?? null
    )
    when("zonos-payment-unpaid", { collectionToPay }, ({ collectionToPay }) => !!collectionToPay).then(() => {
      markPaymentCollectionAsPaid.runAsStep({
        input: transform({ orderId, collectionToPay, facts }, ({ orderId, collectionToPay, facts }) => ({
          order_id: orderId,
          payment_collection_id: collectionToPay!,
          provider_id: facts.payment_provider_id,
          captured_by: "zonos",
        })),
      })
    })
    when("zonos-payment-authorised-not-captured", { plan }, ({ plan }) => plan.payment.action === "capture").then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ plan, facts }, ({ plan, facts }) => ({
          payment_id: plan.payment.action === "capture" ? plan.payment.payment_id : "",
          captured_by: "zonos",
          amount: Number(facts.total),
        })),
      })
    })
    when("zonos-capture-not-recorded", { plan }, ({ plan }) => plan.payment.action === "record_captures").then(() => {
      recordZonosCaptureTransactionsStep(
        transform({ plan, orderId }, ({ plan, orderId }) => ({
          order_id: orderId,
          captures: plan.payment.action === "record_captures" ? plan.payment.captures : [],
        }))
      )
    })

    // What Medusa's own cart completion and draft-order conversion do after creating an order:
    // link it to the cart it was checked out from (and complete the cart), and reserve its stock
    // so admin fulfilment works unchanged. Each step skips what is there, so an adopted order gets
    // them once. Whether the order has a cart or catalogue lines comes from the mapping (the same
    // for an adopted order): an order without them runs none of these steps.
    when("zonos-order-from-a-cart", { facts }, ({ facts }) => facts.cart_id !== null).then(() => {
      linkZonosOrderToCartStep(
        transform({ orderId, facts }, ({ orderId, facts }) => {
          if (!facts.cart_id) throw new Error("No cart to link the order to")
          return { order_id: orderId, cart_id: facts.cart_id }
        })
      )
    })
    when("zonos-order-has-catalogue-lines", { facts }, ({ facts }) => facts.has_variant_lines).then(() => {
      const reserved = reserveZonosOrderInventoryStep(transform({ orderId }, ({ orderId }) => ({ order_id: orderId })))
      recordZonosUnreservedLinesStep(
        transform({ orderId, reserved }, ({ orderId, reserved }) => ({ order_id: orderId, unreserved: reserved.unreserved }))
      )
      emitEventStep({
        eventName: ReservationItemWorkflowEvents.CREATED,
        data: transform({ orderId, reserved }, ({ orderId, reserved }) =>
          reserved.reservation_ids.map((id) => ({ id, order_id: orderId }))
        ),
      }).config({ name: "emit-zonos-reservations-created" })
    })

    // The link is written last: a zonos_order row linked to an order means the order is whole
    // (the import records it as imported next, and sets imported_at). An import that died
    // between the link and that record left the link: it is not written twice.
    when("zonos-order-not-linked-yet", { plan }, ({ plan }) => plan.link).then(() => {
      createRemoteLinkStep(
        transform({ orderId, facts }, ({ orderId, facts }) => [
          {
            [ZONOS_MODULE]: { zonos_order_id: facts.record_id },
            [Modules.ORDER]: { order_id: orderId },
          },
        ])
      ).config({ name: "link-zonos-order" })
    })

    // Events are released when the workflow succeeds, so an interrupted attempt sent none.
    emitEventStep({
      eventName: OrderWorkflowEvents.PLACED,
      data: transform({ orderId }, ({ orderId }) => ({ id: orderId })),
    }).config({ name: "emit-zonos-order-placed" })

    return new WorkflowResponse(order)
  }
)
