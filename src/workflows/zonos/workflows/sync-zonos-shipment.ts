import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendZonosShipmentUpdateStep, SendZonosShipmentUpdateInput } from "../steps/send-zonos-shipment-update"

export const SYNC_ZONOS_SHIPMENT_WORKFLOW = "sync-zonos-shipment"

/**
 * Write-back of the order's shipping to Zonos (tracking numbers and vendor status), run by
 * the fulfilment, shipment and cancellation subscribers, the sweep (pending retries) and the
 * admin's "Send again". Records refusals instead of failing.
 */
export const syncZonosShipmentWorkflow = createWorkflow(SYNC_ZONOS_SHIPMENT_WORKFLOW, (input: SendZonosShipmentUpdateInput) => {
  return new WorkflowResponse(sendZonosShipmentUpdateStep(input))
})
