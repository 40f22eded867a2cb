import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory } from "../../../modules/zonos/utils/history"

export type DismissZonosOrderInput = { zonos_order_number: string; note: string; dismissed_by: string }

/**
 * A merchant dismisses (archives) a Zonos order row that will never import: a stranger's id
 * Zonos does not know, or an order settled by hand. The row and its history stay; it leaves the
 * default admin list and the sweep never retries it. A row with a Medusa order cannot be dismissed.
 */
export const dismissZonosOrderStep = createStep(
  "dismiss-zonos-order",
  async (input: DismissZonosOrderInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [record],
    } = await query.graph({
      entity: "zonos_order",
      fields: ["id", "zonos_order_number", "dismissed_at", "dismissed_by", "dismiss_note", "history", "order.id"],
      filters: { zonos_order_number: input.zonos_order_number },
    })
    if (!record) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Zonos order ${input.zonos_order_number} has been seen by this store`)
    }
    if (record.order?.id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This Zonos order is in Medusa already: cancel the Medusa order instead")
    }
    const now = new Date()
    await zonos.updateZonosOrders({
      id: record.id,
      dismissed_at: now,
      dismissed_by: input.dismissed_by,
      dismiss_note: input.note,
      history: appendHistory(record.history, { at: now.toISOString(), source: "admin", event: "dismissed", detail: input.note }),
    })
    return new StepResponse({ zonos_order_number: record.zonos_order_number, dismissed_at: now.toISOString() }, record)
  },
  async (before, { container }) => {
    if (!before) return
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    await zonos.updateZonosOrders({
      id: before.id,
      dismissed_at: before.dismissed_at,
      dismissed_by: before.dismissed_by,
      dismiss_note: before.dismiss_note,
      history: before.history,
    })
  }
)
