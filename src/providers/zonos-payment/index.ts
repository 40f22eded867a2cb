import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ZonosPaymentProviderService from "./service"

/** Registered under the Payment module; its provider id is `pp_zonos_zonos`. */
export default ModuleProvider(Modules.PAYMENT, {
  services: [ZonosPaymentProviderService],
})
