import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DismissZonosOrderInput, dismissZonosOrderStep } from "../steps/dismiss-zonos-order"

/** Dismisses a Zonos order row that will never import, with the merchant's note. */
export const dismissZonosOrderWorkflow = createWorkflow("dismiss-zonos-order", (input: DismissZonosOrderInput) => {
  return new WorkflowResponse(dismissZonosOrderStep(input))
})
