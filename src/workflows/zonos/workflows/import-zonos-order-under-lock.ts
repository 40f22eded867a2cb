import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ZONOS_WRITE_BACK_DUE_EVENT } from "../events"
import { ZonosImportSource } from "../../../modules/zonos/utils/history"
import { createMedusaOrderFromZonosWorkflow } from "./create-medusa-order-from-zonos"
import { applyZonosStatusStep } from "../steps/apply-zonos-status"
import { ensureZonosCustomerStep } from "../steps/ensure-zonos-customer"
import { planOfKind, planZonosImport, statusToApply } from "../plans/plan-zonos-import"
import { getZonosImportResultStep, ZonosImportResult } from "../steps/get-zonos-import-result"
import { loadZonosImportStep } from "../steps/load-zonos-import"
import { prepareMedusaOrderInputStep } from "../steps/prepare-medusa-order-input"
import { recordZonosImportFailureStep } from "../steps/record-zonos-import-failure"
import { recordZonosOrderImportedStep } from "../steps/record-zonos-order-imported"
import { writeBackMerchantOrderIdStep } from "../steps/write-back-merchant-order-id"

export type ImportZonosOrderInput = {
  /** "999-12345" or "12345". */
  zonos_order_id: string
  source: ZonosImportSource
  /** Re-read the order from Zonos even if it was imported already (to apply a new status). */
  refresh?: boolean
  /** orderNumbers listed it (the sweep): Zonos has this order, so "not found" is not final. */
  listed_by_zonos?: boolean
  /**
   * Leave the write-back to a subscriber of ZONOS_WRITE_BACK_DUE_EVENT, after the caller has
   * answered (the success page: the shopper waits for the import, not for telling Zonos).
   */
  defer_write_back?: boolean
}

/** Where an import ended, and why Zonos could not be read if it could not (the sweep watches for a Zonos that stopped answering). */
export type ZonosImportRun = ZonosImportResult & { zonos_error_code: string | null }

/**
 * Imports one Zonos order into Medusa, exactly once; runs only under the order's lock
 * (import-zonos-order takes it).
 *
 * 1. Load the record and read orderDetail (an order imported already is answered from the
 *    database unless a refresh is asked for), and map a new order for Medusa.
 * 2. Decide, in one pure function (planZonosImport), what to do: record a failure (why,
 *    attempts; the row's next state is stateAfterImportFailure's), create the order, or go on
 *    with the order that exists. One `when` per kind.
 * 3. Create: the customer (found or made under a lock on the email), then the Medusa order with
 *    core flows, paid through the Zonos provider, or the one an interrupted attempt left,
 *    finished (create-medusa-order-from-zonos).
 * 4. Apply the Zonos status to the order: hold, release or cancel.
 * 5. Write the Medusa display id back to Zonos (a failure is retried by the sweep), or, when the
 *    caller defers it, emit ZONOS_WRITE_BACK_DUE_EVENT (released once the workflow succeeds).
 */
export const importZonosOrderUnderLockWorkflow = createWorkflow("import-zonos-order-under-lock", (input: ImportZonosOrderInput) => {
  const loaded = loadZonosImportStep(input)
  const prepared = prepareMedusaOrderInputStep(
    transform({ loaded }, ({ loaded }) => ({ detail: loaded.order_id || loaded.error ? null : loaded.detail }))
  )
  const plan = transform({ loaded, prepared }, ({ loaded, prepared }) => planZonosImport(loaded, prepared))

  when("zonos-import-cannot-go-on", { plan }, ({ plan }) => plan.kind === "record_failure").then(() => {
    recordZonosImportFailureStep(
      transform({ loaded, plan, input }, ({ loaded, plan, input }) => {
        const failure = planOfKind(plan, "record_failure")
        return {
          zonos_order_id: loaded.zonos_order_number,
          source: input.source,
          message: failure.message,
          error_code: failure.error_code,
          listed_by_zonos: input.listed_by_zonos ?? false,
        }
      })
    )
  })

  const created = when("zonos-order-to-create", { plan }, ({ plan }) => plan.kind === "create_order").then(() => {
    const toCreate = transform({ plan }, ({ plan }) => planOfKind(plan, "create_order"))
    const customer = ensureZonosCustomerStep(
      transform({ toCreate }, ({ toCreate }) => ({
        email: toCreate.mapped.input.email,
        customer_id: toCreate.mapped.input.customer_id,
      }))
    )
    const order = createMedusaOrderFromZonosWorkflow.runAsStep({
      input: transform({ loaded, toCreate, customer }, ({ loaded, toCreate, customer }) => ({
        record_id: loaded.record_id,
        first_attempt: loaded.first_attempt,
        mapped: { ...toCreate.mapped, input: { ...toCreate.mapped.input, customer_id: customer.customer_id } },
        payment_provider_id: toCreate.payment_provider_id,
      })),
    })
    recordZonosOrderImportedStep(
      transform({ loaded, toCreate, order, input }, ({ loaded, toCreate, order, input }) => ({
        record_id: loaded.record_id,
        order_id: order.order_id,
        source: input.source,
        // The merchant may wonder why the order is older than its import: say so in its history.
        notes: order.adopted
          ? [...toCreate.mapped.notes, "An earlier import was interrupted (the process stopped); this one finished its Medusa order"]
          : toCreate.mapped.notes,
        shortfalls: toCreate.mapped.shortfalls,
      }))
    )
    return order
  })

  const status = transform({ plan, created }, ({ plan, created }) => statusToApply(plan, created?.order_id ?? null))
  when("zonos-status-to-apply", { status }, ({ status }) => status !== null).then(() => {
    applyZonosStatusStep(
      transform({ loaded, status, input }, ({ loaded, status, input }) => {
        if (!status) throw new Error("No status to apply")
        return { record_id: loaded.record_id, order_id: status.order_id, detail: status.detail, source: input.source }
      })
    )
  })

  const orderId = transform({ plan, created }, ({ plan, created }) =>
    plan.kind === "order_exists" ? plan.order_id : created?.order_id ?? null
  )
  when("zonos-order-exists", { orderId, input }, ({ orderId, input }) => orderId !== null && !input.defer_write_back).then(() => {
    writeBackMerchantOrderIdStep(
      transform({ loaded, orderId }, ({ loaded, orderId }) => {
        if (!orderId) throw new Error("No Medusa order to write back")
        return { record_id: loaded.record_id, order_id: orderId }
      })
    )
  })

  // Deferred (the success page): asked for once per order. Any later hit, a stranger's loop
  // included, leaves a refused write-back to the sweep's retries instead of calling Zonos again.
  when(
    "zonos-order-exists-write-back-deferred-untried",
    { orderId, input, loaded },
    ({ orderId, input, loaded }) => orderId !== null && !!input.defer_write_back && loaded.write_back_untried
  ).then(() => {
    emitEventStep({
      eventName: ZONOS_WRITE_BACK_DUE_EVENT,
      data: transform({ loaded }, ({ loaded }) => ({ zonos_order_id: loaded.zonos_order_number })),
    }).config({ name: "emit-zonos-write-back-due" })
  })

  const result = getZonosImportResultStep(transform({ loaded }, ({ loaded }) => ({ record_id: loaded.record_id })))
  return new WorkflowResponse(
    transform({ result, loaded }, ({ result, loaded }): ZonosImportRun => ({
      ...result,
      zonos_error_code: loaded.error ? loaded.error.code : null,
    }))
  )
})
