import { LoaderOptions, Logger } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseZonosOptions, ZonosOptionsError } from "../types/parse-options"

/**
 * Validates the options when the module loads (at boot and before migrations), so a
 * store with a missing or malformed option stops at once with a line naming it.
 * The parsed options are registered for the service.
 *
 * The line is logged here, before Medusa wraps the error in its own stack traces (where
 * the sentence a merchant needs ends up buried under dozens of lines).
 */
export default async function validateOptionsLoader({ container, options }: LoaderOptions) {
  try {
    container.register("zonosOptions", asValue(parseZonosOptions(options)))
  } catch (error) {
    if (error instanceof ZonosOptionsError) {
      container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).error(error.message)
    }
    throw error
  }
}
