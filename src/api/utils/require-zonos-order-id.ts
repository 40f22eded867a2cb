import { MedusaError } from "@medusajs/framework/utils"
import { parseZonosOrderId } from "../../modules/zonos/client"

/** The normalised Zonos order id from a path parameter, or a 400 that says what is wrong. */
export function requireZonosOrderId(value: string | undefined): string {
  const parsed = parseZonosOrderId(value)
  if (!parsed) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Not a Zonos order id (e.g. 999-12345)")
  }
  return parsed
}
