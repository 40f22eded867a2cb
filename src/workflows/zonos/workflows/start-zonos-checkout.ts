import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildZonosCheckoutCartStep, BuildZonosCheckoutCartInput } from "../steps/build-zonos-checkout-cart"
import { createZonosTempCartStep } from "../steps/create-zonos-temp-cart"

export type StartZonosCheckoutInput = BuildZonosCheckoutCartInput

/**
 * Starts Zonos Checkout for a Medusa cart: the cart goes to createTempCart with the cart id
 * as referenceId (so the import finds the cart again) and the plugin's success route as the
 * page Zonos sends the shopper to; answers the hosted checkout URL.
 */
export const startZonosCheckoutWorkflow = createWorkflow("start-zonos-checkout", (input: StartZonosCheckoutInput) => {
  const built = buildZonosCheckoutCartStep(input)
  const started = createZonosTempCartStep(built)
  return new WorkflowResponse(started)
})
