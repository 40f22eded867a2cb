import { RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { isZonosError, normalizeZonosOrderId, ZonosOrderDetail } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { ZonosImportSource } from "../../../modules/zonos/utils/history"
import {
  isZonosHoldReason,
  isZonosImportState,
  ZonosRowStanding,
} from "../../../modules/zonos/zonos-order-states"

export type LoadZonosImportInput = {
  zonos_order_id: string
  source: ZonosImportSource
  /** Read the order from Zonos even when it was imported already (sweep re-reads, admin checks). */
  refresh?: boolean
}

export type ZonosFetchError = { code: string; message: string }

export type LoadedZonosImport = {
  record_id: string
  /** The normalised Zonos number ("1001" for "999-1001"): the row's zonos_order_number. */
  zonos_order_number: string
  /**
   * The Medusa order this Zonos order became, once its import was recorded (imported_at). A row
   * linked to an order without imported_at is an import that stopped between its last two writes
   * (the link, then the record): it is not answered from the database but imported again, and
   * the import adopts that order and finishes it (records it, sends order.placed).
   */
  order_id: string | null
  /** This import made the row: no earlier attempt can have left a Medusa order to adopt. */
  first_attempt: boolean
  /** Zonos has not been told the display id and nobody has tried yet (a refused try is the sweep's to repeat). */
  write_back_untried: boolean
  /** Where the row stood when the import began: the answer when the import changes nothing. */
  standing: ZonosRowStanding
  /**
   * The Medusa order the row is linked to, and its display number: the order an import
   * answers with (also one an interrupted import linked without recording it).
   */
  linked_order: { id: string; display_id: number } | null
  detail: ZonosOrderDetail | null
  error: ZonosFetchError | null
}

/** A row made just now: pending, no order. */
const NEW_ROW_STANDING: ZonosRowStanding = { state: "pending", hold_reason: null, last_error: null }

/**
 * Finds (or records) the Zonos order and the Medusa order it became, and reads it from
 * Zonos when there is something to do: not imported yet, or a refresh was asked for.
 * An order already imported is answered from the database without calling Zonos.
 * Zonos failures are returned, not thrown: the workflow records them.
 */
export const loadZonosImportStep = createStep(
  "load-zonos-import",
  async (input: LoadZonosImportInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const zonosOrderNumber = normalizeZonosOrderId(input.zonos_order_id, zonos.getSettings().storeId)

    // Most imports are of numbers the store has never seen (a sweep's new orders, a shopper's
    // first hit): the INSERT that makes their row says so, with no read first. A known number's
    // row is read with its order; this import holds the order's lock, so no other import changes it.
    const newRecordId = await zonos.insertZonosOrderIfNew(zonosOrderNumber, input.source)
    const found = newRecordId ? null : await readKnownRow(query, zonosOrderNumber)
    const row = found
      ? {
          first_attempt: false,
          write_back_untried: !found.merchant_order_id_sent_at && found.writeback_attempts === 0,
          standing: {
            // The column is an enum of exactly these states; the guards only convince the type checker.
            state: isZonosImportState(found.state) ? found.state : "pending",
            hold_reason: isZonosHoldReason(found.hold_reason) ? found.hold_reason : null,
            last_error: found.last_error ?? null,
          },
          linked_order: found.order ? { id: found.order.id, display_id: Number(found.order.display_id) } : null,
        }
      : { first_attempt: true, write_back_untried: true, standing: NEW_ROW_STANDING, linked_order: null }
    const recordId = found?.id ?? newRecordId
    if (!recordId) throw new Error(`The Zonos order record ${zonosOrderNumber} was neither made nor found`)
    const orderId = found?.imported_at ? found.order?.id ?? null : null

    const result: LoadedZonosImport = {
      ...row,
      record_id: recordId,
      zonos_order_number: zonosOrderNumber,
      order_id: orderId,
      detail: null,
      error: null,
    }
    if (orderId && !input.refresh) {
      return new StepResponse(result)
    }

    try {
      result.detail = await zonos.client.orderDetail({ orderId: zonosOrderNumber })
    } catch (error) {
      if (!isZonosError(error)) {
        throw error
      }
      result.error = { code: error.code, message: error.message }
    }
    return new StepResponse(result)
  }
)

type Query = Omit<RemoteQueryFunction, symbol>

/** The row of a number the store has seen, with the Medusa order it is linked to. */
async function readKnownRow(query: Query, zonosOrderNumber: string) {
  const {
    data: [found],
  } = await query.graph({
    entity: "zonos_order",
    fields: [
      "id",
      "state",
      "hold_reason",
      "last_error",
      "order.id",
      "order.display_id",
      "imported_at",
      "merchant_order_id_sent_at",
      "writeback_attempts",
    ],
    filters: { zonos_order_number: zonosOrderNumber },
  })
  return found ?? null
}
