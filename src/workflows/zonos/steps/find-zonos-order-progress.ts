import { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NO_ZONOS_ORDER_PROGRESS, ZonosOrderPaymentCollection, ZonosOrderProgress } from "../plans/plan-zonos-order-completion"

// The shapes Query returns for the fields asked below (its order relations are untyped).
type GraphCapture = { id: string; raw_amount: BigNumberInput }
type GraphPayment = { id: string; canceled_at?: string | Date | null; captures?: (GraphCapture | null)[] | null }
type GraphCollection = { id: string; status: string; payments?: (GraphPayment | null)[] | null }

export type FindZonosOrderProgressInput = {
  /** The Zonos id as the mapping writes it into the order's metadata ("999-12345"). */
  zonos_order_id: string
}

/**
 * Finds what an earlier, interrupted import of this Zonos order left: the Medusa order carrying
 * `metadata.zonos_order_id` (written in the same transaction as the order, so an order either
 * has it or does not exist), its payment collections, payments and captures, the
 * transactions that record captures on the order, and the zonos_order row it is linked to.
 * Read-only.
 *
 * The order is found with one SQL query on the order module's table: neither Query nor the
 * order module's typed filters can filter on a metadata key. Soft-deleted orders (an attempt
 * whose failure was compensated) are not adopted.
 */
export const findZonosOrderProgressStep = createStep(
  "find-zonos-order-progress",
  async (input: FindZonosOrderProgressInput, { container }) => {
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    // The oldest, should a past bug have made several: it is the one Zonos was told about first.
    const found: { id: string }[] = await pg("order")
      .select("id")
      .whereRaw("metadata->>'zonos_order_id' = ?", [input.zonos_order_id])
      .whereNull("deleted_at")
      .orderBy("created_at", "asc")
      .limit(1)
    if (!found.length) {
      return new StepResponse(NO_ZONOS_ORDER_PROGRESS)
    }
    const orderId = found[0].id
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "zonos_order.id",
        "transactions.reference_id",
        "payment_collections.id",
        "payment_collections.status",
        "payment_collections.payments.id",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.id",
        "payment_collections.payments.captures.raw_amount",
      ],
      filters: { id: orderId },
    })

    const collections: ZonosOrderPaymentCollection[] = (order?.payment_collections ?? []).flatMap((collection: GraphCollection | null) =>
      collection
        ? [
            {
              id: collection.id,
              status: String(collection.status),
              payments: (collection.payments ?? []).flatMap((payment: GraphPayment | null) =>
                payment
                  ? [
                      {
                        id: payment.id,
                        canceled_at: payment.canceled_at ?? null,
                        captures: (payment.captures ?? []).flatMap((capture: GraphCapture | null) =>
                          capture ? [{ id: capture.id, amount: capture.raw_amount }] : []
                        ),
                      },
                    ]
                  : []
              ),
            },
          ]
        : []
    )
    const progress: ZonosOrderProgress = {
      order_id: orderId,
      display_id: order?.display_id == null ? null : Number(order.display_id),
      payment_collections: collections,
      transaction_reference_ids: (order?.transactions ?? []).flatMap((transaction: { reference_id?: string | null } | null) =>
        transaction?.reference_id ? [transaction.reference_id] : []
      ),
      linked_record_id: order?.zonos_order?.id ?? null,
    }
    return new StepResponse(progress)
  }
)
