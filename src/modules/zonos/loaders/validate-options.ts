import { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { parseZonosOptions } from "../types/parse-options"

/**
 * Validates the options when the module loads (at boot and before migrations), so a
 * store with a missing or malformed option stops at once with a line naming it.
 * The parsed options are registered for the service.
 */
export default async function validateOptionsLoader({ container, options }: LoaderOptions) {
  container.register("zonosOptions", asValue(parseZonosOptions(options)))
}
