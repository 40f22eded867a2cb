import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ZonosImportSource } from "../../modules/zonos/utils/history"
import { createMedusaOrderFromZonosWorkflow } from "./create-medusa-order-from-zonos"
import { applyZonosStatusStep } from "./steps/apply-zonos-status"
import { ensureZonosCustomerStep } from "./steps/ensure-zonos-customer"
import { getZonosImportResultStep, ZonosImportResult } from "./steps/get-zonos-import-result"
import { loadZonosImportStep } from "./steps/load-zonos-import"
import { prepareMedusaOrderInputStep } from "./steps/prepare-medusa-order-input"
import { recordZonosImportFailureStep } from "./steps/record-zonos-import-failure"
import { recordZonosOrderImportedStep } from "./steps/record-zonos-order-imported"
import { writeBackMerchantOrderIdStep } from "./steps/write-back-merchant-order-id"

export type ImportZonosOrderInput = {
  /** "999-12345" or "12345". */
  zonos_order_id: string
  source: ZonosImportSource
  /** Re-read the order from Zonos even if it was imported already (to apply a new status). */
  refresh?: boolean
  /** orderNumbers listed it (the sweep): Zonos has this order, so "not found" is not final. */
  listed_by_zonos?: boolean
}

/** Where an import ended, and why Zonos could not be read if it could not (the sweep watches for a Zonos that stopped answering). */
export type ZonosImportRun = ZonosImportResult & { zonos_error_code: string | null }

/**
 * Imports one Zonos order into Medusa, exactly once; runs only under the order's lock
 * (import-zonos-order takes it).
 *
 * 1. Load the record; an order imported already is not created again.
 * 2. Read orderDetail; a Zonos failure is recorded (pending/failed, why, attempts).
 * 3. Map and create the Medusa order with core flows, paid through the Zonos provider, or
 *    finish the one an interrupted attempt left (create-medusa-order-from-zonos).
 * 4. Apply the Zonos status: hold, release or cancel.
 * 5. Write the Medusa display id back to Zonos (a failure is retried by the sweep).
 */
export const importZonosOrderUnderLockWorkflow = createWorkflow("import-zonos-order-under-lock", (input: ImportZonosOrderInput) => {
  const loaded = loadZonosImportStep(input)

  when("zonos-order-unreadable", { loaded }, ({ loaded }) => loaded.error !== null).then(() => {
    recordZonosImportFailureStep(
      transform({ loaded, input }, ({ loaded, input }) => ({
        zonos_order_id: loaded.zonos_order_id,
        source: input.source,
        message: loaded.error?.message ?? "Zonos could not be read",
        error_code: loaded.error?.code ?? null,
        listed_by_zonos: input.listed_by_zonos ?? false,
      }))
    ).config({ name: "record-zonos-read-failure" })
  })

  const prepared = when("zonos-order-is-new", { loaded }, ({ loaded }) => !!loaded.detail && !loaded.order_id).then(
    () => prepareMedusaOrderInputStep(transform({ loaded }, ({ loaded }) => ({ detail: loaded.detail! })))
  )

  when("zonos-order-unmappable", { prepared }, ({ prepared }) => !!prepared?.error).then(() => {
    recordZonosImportFailureStep(
      transform({ loaded, prepared, input }, ({ loaded, prepared, input }) => ({
        zonos_order_id: loaded.zonos_order_id,
        source: input.source,
        message: prepared?.error ?? "The Zonos order could not be mapped",
      }))
    ).config({ name: "record-zonos-mapping-failure" })
  })

  const created = when("zonos-order-mappable", { prepared }, ({ prepared }) => !!prepared?.mapped).then(() => {
    const customer = ensureZonosCustomerStep(
      transform({ prepared }, ({ prepared }) => ({
        email: prepared!.mapped!.input.email,
        customer_id: prepared!.mapped!.input.customer_id,
      }))
    )
    const order = createMedusaOrderFromZonosWorkflow.runAsStep({
      input: transform({ loaded, prepared, customer }, ({ loaded, prepared, customer }) => ({
        record_id: loaded.record_id,
        mapped: { ...prepared!.mapped!, input: { ...prepared!.mapped!.input, customer_id: customer.customer_id } },
        payment_provider_id: prepared!.payment_provider_id,
      })),
    })
    recordZonosOrderImportedStep(
      transform({ loaded, prepared, order, input }, ({ loaded, prepared, order, input }) => ({
        record_id: loaded.record_id,
        order_id: order.order_id,
        source: input.source,
        // The merchant may wonder why the order is older than its import: say so in its history.
        notes: order.adopted
          ? [...prepared!.mapped!.notes, "An earlier import was interrupted (the process stopped); this one finished its Medusa order"]
          : prepared!.mapped!.notes,
        shortfalls: prepared!.mapped!.shortfalls,
      }))
    )
    return order
  })

  const orderId = transform({ loaded, created }, ({ loaded, created }) => loaded.order_id ?? created?.order_id ?? null)

  when("zonos-status-to-apply", { loaded, orderId }, ({ loaded, orderId }) => !!loaded.detail && !!orderId).then(() => {
    applyZonosStatusStep(
      transform({ loaded, orderId, input }, ({ loaded, orderId, input }) => ({
        record_id: loaded.record_id,
        order_id: orderId!,
        detail: loaded.detail!,
        source: input.source,
      }))
    )
  })

  when("zonos-order-exists", { orderId }, ({ orderId }) => !!orderId).then(() => {
    writeBackMerchantOrderIdStep(
      transform({ loaded, orderId }, ({ loaded, orderId }) => ({ record_id: loaded.record_id, order_id: orderId! }))
    )
  })

  const result = getZonosImportResultStep(transform({ loaded }, ({ loaded }) => ({ record_id: loaded.record_id })))
  return new WorkflowResponse(
    transform({ result, loaded }, ({ result, loaded }): ZonosImportRun => ({
      ...result,
      zonos_error_code: loaded.error ? loaded.error.code : null,
    }))
  )
})
