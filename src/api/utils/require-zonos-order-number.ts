import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../../modules/zonos"
import { checkZonosOrderId, ZonosOrderIdProblem } from "../../modules/zonos/client"
import ZonosModuleService from "../../modules/zonos/service"

const PROBLEM_TEXT: Record<ZonosOrderIdProblem, (field: string, storeId: string) => string> = {
  malformed: (field) => `${field} is not a Zonos order id (e.g. 999-12345)`,
  other_store: (field, storeId) => `${field} is an order of another Zonos store; this store is ${storeId}`,
}

/**
 * The normalised Zonos order number ("1002") of THIS store from a request value ("999-1002" or "1002"), or a 400 saying what is
 * wrong. Every route reads ids through here, so another store's `998-1002` is never taken for
 * our order 1002 (and costs no Zonos call).
 */
export function requireZonosOrderNumber(scope: MedusaContainer, value: unknown, field = "zonos_order_id"): string {
  const { storeId } = scope.resolve<ZonosModuleService>(ZONOS_MODULE).getSettings()
  const checked = checkZonosOrderId(value, storeId)
  if (checked.problem !== null) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, PROBLEM_TEXT[checked.problem](field, storeId))
  }
  return checked.id
}
