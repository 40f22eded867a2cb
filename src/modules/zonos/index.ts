import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import ZonosModuleService from "./service"

export const ZONOS_MODULE = "zonos"

export default Module(ZONOS_MODULE, {
  service: ZonosModuleService,
  loaders: [validateOptionsLoader],
})

export type { ZonosModuleService }
