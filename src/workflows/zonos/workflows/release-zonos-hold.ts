import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReleaseZonosHoldInput, releaseZonosHoldStep } from "../steps/release-zonos-hold"

/** Releases a merchant-owned hold (screening-list match or test order) with the merchant's note. */
export const releaseZonosHoldWorkflow = createWorkflow("release-zonos-hold", (input: ReleaseZonosHoldInput) => {
  return new WorkflowResponse(releaseZonosHoldStep(input))
})
