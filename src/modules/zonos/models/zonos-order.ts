import { model } from "@medusajs/framework/utils"
import { ZONOS_HOLD_REASONS, ZONOS_IMPORT_STATES } from "../zonos-order-states"

/**
 * One row per Zonos order the store has seen (its states, and what moves them: ../zonos-order-states.ts). The unique normalised id is what makes
 * imports idempotent; attempts and last_error are what make failures visible.
 */
const ZonosOrder = model
  .define("zonos_order", {
    id: model.id({ prefix: "zord" }).primaryKey(),
    /** Normalised Zonos order number: "12345" for Zonos order id "999-12345". */
    zonos_order_number: model.text().searchable(),
    reference_id: model.text().nullable(),
    zonos_status: model.text().nullable(),
    zonos_status_at: model.dateTime().nullable(),
    test_order: model.boolean().default(false),
    csl_match: model.boolean().default(false),
    state: model.enum([...ZONOS_IMPORT_STATES]).default("pending"),
    hold_reason: model.enum([...ZONOS_HOLD_REASONS]).nullable(),
    /** Import attempts so far, and why the last one failed. */
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    imported_at: model.dateTime().nullable(),
    last_checked_at: model.dateTime().nullable(),
    /** The write-back of the Medusa display id to Zonos (updateMerchantOrderId). */
    merchant_order_id: model.text().nullable(),
    merchant_order_id_sent_at: model.dateTime().nullable(),
    writeback_attempts: model.number().default(0),
    writeback_error: model.text().nullable(),
    /**
     * What Zonos has been told about shipping and what is still to tell it (tracking numbers,
     * vendor status, last refusal, attempts): see workflows/zonos/plans/plan-shipment-sync.ts.
     */
    shipment_sync: model.json().nullable(),
    /** When the sweep tries a refused shipment update again (null: nothing pending). */
    shipment_sync_due_at: model.dateTime().nullable(),
    /** Who released a merchant hold, and their note. */
    released_by: model.text().nullable(),
    release_note: model.text().nullable(),
    /** A merchant dismissed (archived) a row that will never import: kept, never retried, hidden by default. */
    dismissed_at: model.dateTime().nullable(),
    dismissed_by: model.text().nullable(),
    dismiss_note: model.text().nullable(),
    /** The last orderDetail received, as Zonos sent it (customs fields stay only here). */
    order_detail: model.json().nullable(),
    /** What happened to it, oldest first: { entries: [{ at, source, event, detail }] }. */
    history: model.json().nullable(),
  })
  .indexes([
    { on: ["zonos_order_number"], unique: true },
    { on: ["state"] },
    { on: ["reference_id"] },
    // The sweep's reads (collect-zonos-sweep-work, retry-zonos-shipment-updates): rows that wait
    // for a write-back or a shipment update are few; without these, each sweep reads every row.
    { on: ["merchant_order_id_sent_at"], where: "merchant_order_id_sent_at IS NULL" },
    { on: ["shipment_sync_due_at"], where: "shipment_sync_due_at IS NOT NULL" },
  ])
  .checks([
    {
      // Only normalised ids ("12345", never "999-12345"): the same order can never get two rows.
      name: "zonos_order_number_normalised",
      expression: (columns) => `${columns.zonos_order_number} ~ '^(0|[1-9][0-9]{0,14})$'`,
    },
  ])

export default ZonosOrder
