import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { isZonosError, parseZonosOrderId, ZonosOrderNumber } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { RETRIED_STATES, SETTLED_STATES, ZONOS_OWNED_HOLDS } from "../../../modules/zonos/zonos-order-states"

export type ZonosSweepWork = {
  /** Orders to import (new, or failed and due for a retry); refresh=false. */
  to_import: string[]
  /** Imported orders to re-read: in Zonos's review, or Zonos reports a new status. */
  to_refresh: string[]
  /** Imported orders whose display id never reached Zonos. */
  to_write_back: string[]
  /** Listed orders not in Medusa whose retry is not due yet: not handed out, but they keep the sweep `partial`. */
  deferred: string[]
  /** Zonos order ids listed by orderNumbers for the window. */
  listed: string[]
  listing_error: string | null
}


/**
 * Works out what the sweep must do, with two orderNumbers calls (the window, with statuses;
 * and missingMerchantOrderId) and the plugin's own records. Orders already settled, whose
 * status did not change, cost nothing: the sweep's cost does not grow with the history.
 */
export type CollectZonosSweepWorkInput = {
  since_date: string
  /** Retry every failed import now, ignoring its backoff (a merchant's "Run sweep now"). */
  retry_now: boolean
}

export const collectZonosSweepWorkStep = createStep(
  "collect-zonos-sweep-work",
  async (input: CollectZonosSweepWorkInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const { storeId } = zonos.getSettings()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const now = new Date()
    const work: ZonosSweepWork = {
      to_import: [],
      to_refresh: [],
      to_write_back: [],
      deferred: [],
      listed: [],
      listing_error: null,
    }

    let listed: ZonosOrderNumber[] = []
    try {
      const [window, missingMerchantId] = await Promise.all([
        zonos.client.orderNumbers({ sinceDate: input.since_date, statuses: true }),
        zonos.client.orderNumbers({ missingMerchantOrderId: true }),
      ])
      listed = [...window.orders, ...missingMerchantId.orders]
    } catch (error) {
      if (!isZonosError(error)) throw error
      work.listing_error = error.message
    }

    const statusById = new Map<string, string | undefined>()
    for (const entry of listed) {
      // Another store's id is never read as ours (Zonos should not list one; if it does, skip it).
      const id = parseZonosOrderId(entry.id, storeId)
      if (id && !(statusById.has(id) && statusById.get(id))) {
        statusById.set(id, entry.status ?? undefined)
      }
    }
    work.listed = [...statusById.keys()]

    // Three narrow reads, each on an index (zonos_order_id, state, and the partial index of rows
    // not yet written back), instead of one OR that PostgreSQL can only answer by reading the
    // whole table: what a sweep reads follows the window and the open work, not the history.
    const fields = [
      "id",
      "zonos_order_number",
      "state",
      "hold_reason",
      "zonos_status",
      "next_attempt_at",
      "merchant_order_id_sent_at",
      "dismissed_at",
      "imported_at",
    ]
    const [byListing, open, unsent] = await Promise.all([
      work.listed.length
        ? query.graph({ entity: "zonos_order", fields, filters: { zonos_order_number: work.listed } })
        : Promise.resolve({ data: [] }),
      query.graph({ entity: "zonos_order", fields, filters: { state: ["pending", "failed", "held"] } }),
      // Imported (imported_at is set with the link), Zonos not told yet.
      query.graph({ entity: "zonos_order", fields, filters: { merchant_order_id_sent_at: null, imported_at: { $ne: null } } }),
    ])
    const records = [...new Map([...byListing.data, ...open.data, ...unsent.data].map((record) => [record.id, record])).values()]
    const recordById = new Map(records.map((record) => [record.zonos_order_number, record]))
    // A row has its Medusa order once imported_at is set: the import's last write, after the
    // link. A row linked without it is an import that stopped between the two; it is imported
    // again like any unfinished one, and that import adopts the order and finishes it.
    const hasMedusaOrder = (record: { imported_at?: string | Date | null }) => !!record.imported_at
    const isDue = (record: { next_attempt_at?: string | Date | null }) =>
      input.retry_now || !record.next_attempt_at || new Date(record.next_attempt_at) <= now

    const toImport = new Set<string>()
    const toRefresh = new Set<string>()
    const toWriteBack = new Set<string>()
    const deferred = new Set<string>()
    for (const id of work.listed) {
      const record = recordById.get(id)
      if (!record) {
        toImport.add(id)
      } else if (!hasMedusaOrder(record)) {
        // A merchant dismissed it: they settled it by hand, never import it behind their back.
        if (!record.dismissed_at && isDue(record)) toImport.add(id)
        else if (!record.dismissed_at && !SETTLED_STATES.some((state) => state === record.state)) deferred.add(id)
      } else {
        const listedStatus = statusById.get(id)
        if (listedStatus && listedStatus !== record.zonos_status) toRefresh.add(id)
      }
    }
    for (const record of records) {
      const id = record.zonos_order_number
      if (toImport.has(id) || toRefresh.has(id)) continue
      if (!hasMedusaOrder(record)) {
        if (RETRIED_STATES.includes(record.state) && !record.dismissed_at && isDue(record)) toImport.add(id)
      } else if (record.state === "held" && record.hold_reason && ZONOS_OWNED_HOLDS.includes(record.hold_reason)) {
        toRefresh.add(id)
      } else if (!record.merchant_order_id_sent_at && isDue(record)) {
        toWriteBack.add(id)
      }
    }
    work.to_import = [...toImport]
    work.to_refresh = [...toRefresh]
    work.to_write_back = [...toWriteBack]
    work.deferred = [...deferred]
    return new StepResponse(work)
  }
)
