import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { VendorOrderStatus } from "../../../modules/zonos/client"
import { syncZonosShipmentWorkflow } from "../workflows/sync-zonos-shipment"

/**
 * Runs the Zonos write-back for one order; whatever happens is logged, never thrown: a Zonos
 * refusal must not look like a failure of Medusa's own fulfilment or cancellation.
 */
export async function syncZonosShipment(container: MedusaContainer, orderId: string, vendorStatus: VendorOrderStatus | null) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result, errors } = await syncZonosShipmentWorkflow(container).run({
      input: { order_id: orderId, vendor_status: vendorStatus },
      throwOnError: false,
    })
    if (errors.length) {
      logger.warn(`medusa-plugin-zonos: shipment update for order ${orderId} failed: ${errors[0].error?.message ?? "unknown error"}`)
    } else if (result?.error) {
      logger.warn(`medusa-plugin-zonos: Zonos refused the shipment update for order ${orderId} (retried by the sweep): ${result.error}`)
    }
  } catch (error) {
    logger.warn(`medusa-plugin-zonos: shipment update for order ${orderId} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
