import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import {
  IMPORT_OUTCOME_BY_STATE,
  isZonosHoldReason,
  isZonosImportState,
  ZonosImportResult,
  ZonosImportState,
} from "../../../modules/zonos/zonos-order-states"

export type { ZonosImportResult }

/**
 * Reads back where the Zonos order stands after the import: what routes and the sweep report.
 * `order_id` is the Medusa order the import found or made, when it knows it: then the row and
 * that order are read (the order through Query, the row's own columns plainly); otherwise the
 * order is found through the link.
 */
export const getZonosImportResultStep = createStep(
  "get-zonos-import-result",
  async (input: { record_id: string; order_id?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const { record, order } = input.order_id
      ? await Promise.all([
          zonos.readZonosOrderColumns(input.record_id, ["id", "zonos_order_number", "state", "hold_reason", "last_error"]),
          query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: input.order_id } }),
        ]).then(([record, { data }]) => ({ record, order: data[0] ?? null }))
      : await query
          .graph({
            entity: "zonos_order",
            fields: ["id", "zonos_order_number", "state", "hold_reason", "last_error", "order.id", "order.display_id"],
            filters: { id: input.record_id },
          })
          .then(({ data: [found] }) => ({ record: found, order: found.order ?? null }))
    // The column is an enum of exactly these states; the guard only convinces the type checker.
    const state: ZonosImportState = isZonosImportState(record.state) ? record.state : "pending"
    const result: ZonosImportResult = {
      record_id: record.id,
      zonos_order_number: record.zonos_order_number,
      state,
      hold_reason: isZonosHoldReason(record.hold_reason) ? record.hold_reason : null,
      outcome: IMPORT_OUTCOME_BY_STATE[state],
      order_id: order?.id ?? null,
      display_id: order?.display_id == null ? null : Number(order.display_id),
      last_error: record.last_error ?? null,
    }
    return new StepResponse(result)
  }
)
