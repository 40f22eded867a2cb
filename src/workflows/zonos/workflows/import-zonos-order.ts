import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { normalizeZonosOrderId } from "../../../modules/zonos/client"
import { ZonosImportSource } from "../../../modules/zonos/utils/history"
import { ZONOS_WRITE_BACK_DUE_EVENT } from "../events"
import { createMedusaOrderFromZonosWorkflow } from "./create-medusa-order-from-zonos"
import {
  medusaOrderAfterPlan,
  outlineOf,
  planOfKind,
  planZonosImport,
  settlementAfterPlan,
  zonosDetailOf,
  zonosImportResultOf,
} from "../plans/plan-zonos-import"
import { loadZonosImportStep } from "../steps/load-zonos-import"
import { prepareMedusaOrderInputStep } from "../steps/prepare-medusa-order-input"
import { recordZonosImportFailureStep } from "../steps/record-zonos-import-failure"
import { releaseZonosLockStep } from "../steps/release-zonos-lock"
import { settleZonosOrderStep } from "../steps/settle-zonos-order"
import { tryZonosLockStep } from "../steps/try-zonos-lock"
import { writeBackMerchantOrderIdStep } from "../steps/write-back-merchant-order-id"
import { ZonosImportResult } from "../../../modules/zonos/zonos-order-states"

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
 * 4. Create the Medusa order with core flows, for the customer the mapping found or made (under
 *    a lock on the email), paid through the Zonos provider, or finish the one an interrupted
 *    attempt left (create-medusa-order-from-zonos).
 * 5. Settle the row in one write: imported (when this import made or finished the order), and
 *    the Zonos status applied to the order: hold, release or cancel (settle-zonos-order).
 * 6. Write the Medusa display id back to Zonos (a failure is retried by the sweep), or, when the
 *    caller defers it, emit ZONOS_WRITE_BACK_DUE_EVENT (released once the workflow succeeds).
 * 7. Release the lock (a failed step's compensation releases it too) and answer where the order
 *    stands, from what the steps wrote (zonosImportResultOf): nothing is read back.
 */
export const importZonosOrderWorkflow = createWorkflow(IMPORT_ZONOS_ORDER_WORKFLOW, (input: ImportZonosOrderInput) => {
  const lock = tryZonosLockStep({
    key: transform({ input }, ({ input }) => `zonos-order:${normalizeZonosOrderId(input.zonos_order_id)}`),
    purpose: "zonos-import",
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
    standing: loaded.standing,
    linked_order: loaded.linked_order,
    zonos_error_code: loaded.error ? loaded.error.code : null,
  }))
  const prepared = prepareMedusaOrderInputStep(
    transform({ loaded }, ({ loaded }) => ({ detail: loaded.order_id || loaded.error ? null : loaded.detail }))
  )
  const plan = transform({ loaded, prepared }, ({ loaded, prepared }) => planZonosImport(loaded, prepared))
  const outline = transform({ plan }, ({ plan }) => outlineOf(plan))

  const failure = when("zonos-import-cannot-go-on", { outline }, ({ outline }) => outline.kind === "record_failure").then(() =>
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
  )

  const created = when("zonos-order-to-create", { outline }, ({ outline }) => outline.kind === "create_order").then(() =>
    createMedusaOrderFromZonosWorkflow.runAsStep({
      input: transform({ row, plan }, ({ row, plan }) => {
        const { mapped, payment_provider_id } = planOfKind(plan, "create_order")
        return { record_id: row.record_id, first_attempt: row.first_attempt, mapped, payment_provider_id }
      }),
    })
  )

  // Recorded as imported when this import made (or finished) the order, and in step with the
  // Zonos status whenever Zonos was read: one write of the row.
  const settlement = transform({ outline, row, created }, ({ outline, row, created }) =>
    settlementAfterPlan(outline, row.linked_order, created ?? null)
  )
  const settled = when("zonos-order-to-settle", { settlement }, ({ settlement }) => settlement !== null).then(() =>
    settleZonosOrderStep(
      transform({ row, plan, settlement, input }, ({ row, plan, settlement, input }) => {
        const detail = zonosDetailOf(plan)
        if (!settlement || !detail) throw new Error("No Zonos order to settle")
        const notes = plan.kind === "create_order" ? plan.mapped.notes : []
        return {
          record_id: row.record_id,
          order_id: settlement.order_id,
          detail,
          source: input.source,
          imported: settlement.imported
            ? {
                // An order this import did not create was left by an interrupted one; the merchant may
                // wonder why it is older than its import: say so in its history.
                notes: settlement.as_created === null
                  ? [...notes, "An earlier import was interrupted (the process stopped); this one finished its Medusa order"]
                  : notes,
                shortfalls: plan.kind === "create_order" ? plan.mapped.shortfalls : [],
              }
            : null,
          created_order: settlement.as_created,
        }
      })
    )
  )

  const medusaOrder = transform({ outline, row, created }, ({ outline, row, created }) =>
    medusaOrderAfterPlan(outline, row.linked_order, created ?? null)
  )
  when("zonos-order-exists", { medusaOrder, input }, ({ medusaOrder, input }) => medusaOrder !== null && !input.defer_write_back).then(() => {
    writeBackMerchantOrderIdStep(
      transform({ row, medusaOrder }, ({ row, medusaOrder }) => {
        if (!medusaOrder) throw new Error("No Medusa order to write back")
        return { record_id: row.record_id, display_id: medusaOrder.display_id }
      })
    )
  })

  // Deferred (the success page): asked for once per order. Any later hit, a stranger's loop
  // included, leaves a refused write-back to the sweep's retries instead of calling Zonos again.
  when(
    "zonos-order-exists-write-back-deferred-untried",
    { medusaOrder, input, row },
    ({ medusaOrder, input, row }) => medusaOrder !== null && !!input.defer_write_back && row.write_back_untried
  ).then(() => {
    emitEventStep({
      eventName: ZONOS_WRITE_BACK_DUE_EVENT,
      data: transform({ row }, ({ row }) => ({ zonos_order_id: row.zonos_order_number })),
    }).config({ name: "emit-zonos-write-back-due" })
  })

  releaseZonosLockStep(lock)
  return new WorkflowResponse(
    transform({ row, failure, settled, medusaOrder }, ({ row, failure, settled, medusaOrder }): ZonosImportRun => ({
      ...zonosImportResultOf(row, failure?.standing ?? settled ?? row.standing, medusaOrder ?? row.linked_order),
      zonos_error_code: row.zonos_error_code,
    }))
  )
})
