/**
 * What is left to do to finish the Medusa order of one Zonos order. PURE: no I/O.
 *
 * An import is several database transactions (the order; its discounts and tax lines; a
 * payment collection and its link; a payment session, an authorised payment, a capture and the
 * order transaction that records it; the link to the zonos_order row). A process killed
 * between two of them leaves the earlier ones committed, and the in-memory workflow engine
 * neither resumes nor compensates them. So before creating anything, the import looks at what
 * an earlier attempt left (an order carrying this Zonos id in its metadata, written in the same
 * transaction as the order itself, and whether it is linked already) and this function decides
 * what remains: each part that is
 * already there is skipped, so no Zonos order ever gets a second Medusa order or a second payment.
 */
import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

export type ZonosOrderCapture = { id: string; amount: BigNumberInput }

export type ZonosOrderPayment = {
  id: string
  canceled_at: string | Date | null
  captures: ZonosOrderCapture[]
}

export type ZonosOrderPaymentCollection = {
  id: string
  status: string
  payments: ZonosOrderPayment[]
}

/** What an earlier attempt left in the database for one Zonos order. */
export type ZonosOrderProgress = {
  /** The Medusa order carrying this Zonos id (the oldest, if a past bug made several), or null. */
  order_id: string | null
  /** That order's display number (what Zonos is told), or null. */
  display_id: number | null
  payment_collections: ZonosOrderPaymentCollection[]
  /** reference_id of the order's transactions (a capture is recorded as one, referencing it). */
  transaction_reference_ids: string[]
  /**
   * The zonos_order row the order is linked to already, if any: an import that died after the
   * link (its last write before the record) left it; linking again would be refused.
   */
  linked_record_id: string | null
}

/** Nothing left by an earlier attempt (there was none, or it made nothing). */
export const NO_ZONOS_ORDER_PROGRESS: ZonosOrderProgress = {
  order_id: null,
  display_id: null,
  payment_collections: [],
  transaction_reference_ids: [],
  linked_record_id: null,
}

export type ZonosPaymentAction =
  /** No usable collection: create one for the full amount and mark it paid. */
  | { action: "create_collection" }
  /** A collection nobody paid yet: mark it paid (session, authorisation, capture). */
  | { action: "mark_paid"; payment_collection_id: string }
  /** The payment was authorised but the process died before the capture. */
  | { action: "capture"; payment_id: string }
  /** Captured, but the order lacks the transactions that record the captures. */
  | { action: "record_captures"; captures: ZonosOrderCapture[] }
  /** Paid and recorded: nothing to do. */
  | { action: "none" }

export type ZonosOrderCompletionPlan = {
  /** Create the order (nothing was left by an earlier attempt). */
  create_order: boolean
  /** The order to finish, when one exists already. */
  order_id: string | null
  payment: ZonosPaymentAction
  /** Link the order to its zonos_order row (not linked yet). */
  link: boolean
}

const UNPAID_COLLECTION = "not_paid"

/**
 * Decides what remains, given what exists and the amount Zonos captured (the order's total).
 * The order's discounts and tax lines are not part of the plan: they are set by replacing
 * whatever is there, which is idempotent, so they are always set again.
 */
export function planZonosOrderCompletion(progress: ZonosOrderProgress, total: BigNumberInput): ZonosOrderCompletionPlan {
  if (!progress.order_id) {
    return { create_order: true, order_id: null, payment: { action: "create_collection" }, link: true }
  }
  return {
    create_order: false,
    order_id: progress.order_id,
    payment: planPayment(progress, total),
    link: progress.linked_record_id === null,
  }
}

function planPayment(progress: ZonosOrderProgress, total: BigNumberInput): ZonosPaymentAction {
  const collections = progress.payment_collections.filter((collection) => collection.status !== "canceled")
  const livePayments = (collection: ZonosOrderPaymentCollection) =>
    collection.payments.filter((payment) => !payment.canceled_at)

  // Paid already: what was captured covers the total. Only the order transactions may be missing
  // (the capture and its order transaction are two steps of Medusa's capture workflow).
  for (const collection of collections) {
    const captures = livePayments(collection).flatMap((payment) => payment.captures)
    const captured = captures.reduce((sum, capture) => MathBN.add(sum, capture.amount), MathBN.convert(0))
    if (captures.length && MathBN.gte(captured, total)) {
      const recorded = new Set(progress.transaction_reference_ids)
      const missing = captures.filter((capture) => !recorded.has(capture.id))
      return missing.length ? { action: "record_captures", captures: missing } : { action: "none" }
    }
  }

  // Authorised, not captured: the process died between the two.
  for (const collection of collections) {
    const authorised = livePayments(collection).find((payment) => payment.captures.length === 0)
    if (authorised) {
      return { action: "capture", payment_id: authorised.id }
    }
  }

  // A collection no one has paid yet (Medusa's mark-as-paid accepts only "not_paid").
  const unpaid = collections.find(
    (collection) => collection.status === UNPAID_COLLECTION && livePayments(collection).length === 0
  )
  if (unpaid) {
    return { action: "mark_paid", payment_collection_id: unpaid.id }
  }
  return { action: "create_collection" }
}
