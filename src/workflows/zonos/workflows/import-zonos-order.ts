import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { normalizeZonosOrderId } from "../../../modules/zonos/client"
import { ZonosImportSource } from "../../../modules/zonos/utils/history"
import { ZONOS_WRITE_BACK_DUE_EVENT } from "../events"
import { createMedusaOrderFromZonosWorkflow } from "./create-medusa-order-from-zonos"
import { applyZonosStatusStep } from "../steps/apply-zonos-status"
import { createLockOwnerStep } from "../steps/create-lock-owner"
import { ensureZonosCustomerStep } from "../steps/ensure-zonos-customer"
import {
  medusaOrderAfterPlan,
  orderToApplyStatusTo,
  outlineOf,
  planOfKind,
  planZonosImport,
  zonosDetailOf,
} from "../plans/plan-zonos-import"
import { getZonosImportResultStep, ZonosImportResult } from "../steps/get-zonos-import-result"
import { loadZonosImportStep } from "../steps/load-zonos-import"
import { prepareMedusaOrderInputStep } from "../steps/prepare-medusa-order-input"
import { recordZonosImportFailureStep } from "../steps/record-zonos-import-failure"
import { recordZonosOrderImportedStep } from "../steps/record-zonos-order-imported"
import { releaseZonosLockStep } from "../steps/release-zonos-lock"
import { tryZonosLockStep } from "../steps/try-zonos-lock"
import { writeBackMerchantOrderIdStep } from "../steps/write-back-merchant-order-id"

export const IMPORT_ZONOS_ORDER_WORKFLOW = "import-zonos-order"

/** Seconds to wait for another import of the same order to finish. */
export const ZONOS_IMPORT_LOCK_WAIT_SECONDS = 30
/**
 * The order lock's lifetime: what a process killed mid-import costs the others (after it, the
 * lock is free and the next import finishes what the dead one left, create-medusa-order-from-zonos).
 * Above what an import usually takes (one orderDetail read, a few hundred milliseconds of Medusa
 * work, one write-back), and renewed while it runs, so a slow Zonos (up to
 * timeoutMs x (maxRetries + 1) per call) never lets a second import in beside a live one.
 */
export const ZONOS_IMPORT_LOCK_TTL_SECONDS = 60

/**
 * The message the import fails with when the order's lock stayed held by another import for the
 * whole wait: its caller answers `processing` and records nothing (runZonosImport); the holder
 * is doing the work.
 */
const ZONOS_IMPORT_BUSY = "Another import of this Zonos order is running"

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
 * Imports one Zonos order into Medusa, exactly once.
 *
 * 1. Take a lock on the normalised Zonos id: the success page, the sweep and the admin never
 *    import the same order at the same time (across instances with a Redis or Postgres locking
 *    provider). Held elsewhere for the whole wait, the workflow fails with ZONOS_IMPORT_BUSY.
 * 2. Load the record and read orderDetail (an order imported already is answered from the
 *    database unless a refresh is asked for), and map a new order for Medusa.
 * 3. Decide, in one pure function (planZonosImport), what to do: record a failure (why,
 *    attempts; the row's next state is stateAfterImportFailure's), create the order, or go on
 *    with the order that exists. One `when` per kind.
 * 4. Create: the customer (found or made under a lock on the email), then the Medusa order with
 *    core flows, paid through the Zonos provider, or the one an interrupted attempt left,
 *    finished (create-medusa-order-from-zonos).
 * 5. Apply the Zonos status to the order: hold, release or cancel.
 * 6. Write the Medusa display id back to Zonos (a failure is retried by the sweep), or, when the
 *    caller defers it, emit ZONOS_WRITE_BACK_DUE_EVENT (released once the workflow succeeds).
 * 7. Read where the order stands, and release the lock (a failed step's compensation releases it too).
 */
export const importZonosOrderWorkflow = createWorkflow(IMPORT_ZONOS_ORDER_WORKFLOW, (input: ImportZonosOrderInput) => {
  const lockKey = transform({ input }, ({ input }) => `zonos-order:${normalizeZonosOrderId(input.zonos_order_id)}`)
  const lockOwner = createLockOwnerStep({ purpose: "zonos-import" })
  tryZonosLockStep({
    key: lockKey,
    owner_id: lockOwner,
    wait_seconds: ZONOS_IMPORT_LOCK_WAIT_SECONDS,
    ttl_seconds: ZONOS_IMPORT_LOCK_TTL_SECONDS,
    conflict_message: ZONOS_IMPORT_BUSY,
  })

  const loaded = loadZonosImportStep(input)
  // `loaded` and `plan` carry the whole orderDetail (and `plan` the mapped order), and each
  // reference to a step's output or a transform's result hands over a deep copy of all of it
  // (the SDK's resolveValue): conditions and steps that need only ids read these small extracts.
  const row = transform({ loaded }, ({ loaded }) => ({
    record_id: loaded.record_id,
    zonos_order_number: loaded.zonos_order_number,
    first_attempt: loaded.first_attempt,
    write_back_untried: loaded.write_back_untried,
    zonos_error_code: loaded.error ? loaded.error.code : null,
  }))
  const prepared = prepareMedusaOrderInputStep(
    transform({ loaded }, ({ loaded }) => ({ detail: loaded.order_id || loaded.error ? null : loaded.detail }))
  )
  const plan = transform({ loaded, prepared }, ({ loaded, prepared }) => planZonosImport(loaded, prepared))
  const outline = transform({ plan }, ({ plan }) => outlineOf(plan))

  when("zonos-import-cannot-go-on", { outline }, ({ outline }) => outline.kind === "record_failure").then(() => {
    recordZonosImportFailureStep(
      transform({ row, plan, input }, ({ row, plan, input }) => {
        const failure = planOfKind(plan, "record_failure")
        return {
          zonos_order_id: row.zonos_order_number,
          source: input.source,
          message: failure.message,
          error_code: failure.error_code,
          listed_by_zonos: input.listed_by_zonos ?? false,
        }
      })
    )
  })

  const created = when("zonos-order-to-create", { outline }, ({ outline }) => outline.kind === "create_order").then(() => {
    const customer = ensureZonosCustomerStep(
      transform({ plan }, ({ plan }) => {
        const { mapped } = planOfKind(plan, "create_order")
        return { email: mapped.input.email, customer_id: mapped.input.customer_id }
      })
    )
    const order = createMedusaOrderFromZonosWorkflow.runAsStep({
      input: transform({ row, plan, customer }, ({ row, plan, customer }) => {
        const { mapped, payment_provider_id } = planOfKind(plan, "create_order")
        return {
          record_id: row.record_id,
          first_attempt: row.first_attempt,
          mapped: { ...mapped, input: { ...mapped.input, customer_id: customer.customer_id } },
          payment_provider_id,
        }
      }),
    })
    recordZonosOrderImportedStep(
      transform({ row, plan, order, input }, ({ row, plan, order, input }) => {
        const { mapped } = planOfKind(plan, "create_order")
        return {
          record_id: row.record_id,
          order_id: order.order_id,
          source: input.source,
          // The merchant may wonder why the order is older than its import: say so in its history.
          notes: order.adopted
            ? [...mapped.notes, "An earlier import was interrupted (the process stopped); this one finished its Medusa order"]
            : mapped.notes,
          shortfalls: mapped.shortfalls,
        }
      })
    )
    return order
  })

  const statusOrderId = transform({ outline, created }, ({ outline, created }) =>
    orderToApplyStatusTo(outline, created?.order_id ?? null)
  )
  when("zonos-status-to-apply", { statusOrderId }, ({ statusOrderId }) => statusOrderId !== null).then(() => {
    applyZonosStatusStep(
      transform({ row, plan, statusOrderId, input }, ({ row, plan, statusOrderId, input }) => {
        const detail = zonosDetailOf(plan)
        if (!statusOrderId || !detail) throw new Error("No status to apply")
        return { record_id: row.record_id, order_id: statusOrderId, detail, source: input.source }
      })
    )
  })

  const orderId = transform({ outline, created }, ({ outline, created }) => medusaOrderAfterPlan(outline, created?.order_id ?? null))
  when("zonos-order-exists", { orderId, input }, ({ orderId, input }) => orderId !== null && !input.defer_write_back).then(() => {
    writeBackMerchantOrderIdStep(
      transform({ row, orderId }, ({ row, orderId }) => {
        if (!orderId) throw new Error("No Medusa order to write back")
        return { record_id: row.record_id, order_id: orderId }
      })
    )
  })

  // Deferred (the success page): asked for once per order. Any later hit, a stranger's loop
  // included, leaves a refused write-back to the sweep's retries instead of calling Zonos again.
  when(
    "zonos-order-exists-write-back-deferred-untried",
    { orderId, input, row },
    ({ orderId, input, row }) => orderId !== null && !!input.defer_write_back && row.write_back_untried
  ).then(() => {
    emitEventStep({
      eventName: ZONOS_WRITE_BACK_DUE_EVENT,
      data: transform({ row }, ({ row }) => ({ zonos_order_id: row.zonos_order_number })),
    }).config({ name: "emit-zonos-write-back-due" })
  })

  const result = getZonosImportResultStep(
    transform({ row, orderId }, ({ row, orderId }) => ({ record_id: row.record_id, order_id: orderId }))
  )
  releaseZonosLockStep({ key: lockKey, owner_id: lockOwner })
  return new WorkflowResponse(
    transform({ result, row }, ({ result, row }): ZonosImportRun => ({ ...result, zonos_error_code: row.zonos_error_code }))
  )
})
