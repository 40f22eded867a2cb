import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { syncZonosShipmentWorkflow } from "../workflows/sync-zonos-shipment"

/** At most this many pending shipment updates per sweep (the rest wait for the next one). */
const BATCH = 50

/**
 * The sweep's share of the shipment write-back: sends again what Zonos refused (tracking
 * numbers, vendor statuses) once its backoff is due. Each row is one short workflow that
 * records its own outcome, so one refusal never stops the others or the sweep.
 */
export const retryZonosShipmentUpdatesStep = createStep("retry-zonos-shipment-updates", async (_: void, { container }) => {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const due = await zonos.listZonosOrders(
    { shipment_sync_due_at: { $lte: new Date() } },
    { take: BATCH, order: { shipment_sync_due_at: "ASC" } }
  )
  let sent = 0
  let refused = 0
  for (const row of due) {
    const {
      data: [linked],
    } = await query.graph({ entity: "zonos_order", fields: ["id", "order.id"], filters: { id: row.id } })
    const orderId = linked?.order?.id
    if (!orderId) continue
    const { result, errors } = await syncZonosShipmentWorkflow(container).run({ input: { order_id: orderId }, throwOnError: false })
    if (errors.length || result?.error) refused++
    else sent++
  }
  return new StepResponse({ due: due.length, sent, refused })
})
