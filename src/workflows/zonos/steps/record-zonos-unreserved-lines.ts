import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory } from "../../../modules/zonos/utils/history"
import type { UnreservedLine } from "./reserve-zonos-order-inventory"

type Before = {
  order_id: string
  metadata: Record<string, unknown> | null
  record_id: string | null
  history: Record<string, unknown> | null
}

/**
 * Flags the lines whose stock could not be reserved: in the order's metadata
 * (`zonos_unreserved_lines`, shown on the order panel) and in the Zonos order's history.
 * The order stands: it is paid; the merchant restocks or reserves by hand before shipping.
 */
export const recordZonosUnreservedLinesStep = createStep(
  "record-zonos-unreserved-lines",
  async (input: { order_id: string; unreserved: UnreservedLine[] }, { container }) => {
    if (!input.unreserved.length) {
      return new StepResponse(undefined, null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "metadata", "zonos_order.id", "zonos_order.history"],
      filters: { id: input.order_id },
    })
    const before: Before = {
      order_id: input.order_id,
      metadata: order?.metadata ?? null,
      record_id: order?.zonos_order?.id ?? null,
      history: order?.zonos_order?.history ?? null,
    }
    await container.resolve(Modules.ORDER).updateOrders([
      { id: input.order_id, metadata: { ...(before.metadata ?? {}), zonos_unreserved_lines: input.unreserved } },
    ])
    if (before.record_id) {
      let history = appendHistory(before.history, {
        at: new Date().toISOString(),
        source: "system",
        event: "reservations",
        detail: `${input.unreserved.length} line(s) imported without a stock reservation`,
      })
      const at = new Date().toISOString()
      for (const line of input.unreserved) {
        history = appendHistory(history, {
          at,
          source: "system",
          event: "reservation_shortfall",
          detail: `No stock reserved for ${line.quantity} x ${line.sku ?? line.title}: ${line.reason}. Check before shipping.`,
        })
      }
      await container.resolve<ZonosModuleService>(ZONOS_MODULE).updateZonosOrders({ id: before.record_id, history })
    }
    return new StepResponse(undefined, before)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve(Modules.ORDER).updateOrders([{ id: before.order_id, metadata: before.metadata }])
    if (before.record_id) {
      await container
        .resolve<ZonosModuleService>(ZONOS_MODULE)
        .updateZonosOrders({ id: before.record_id, history: before.history })
    }
  }
)
