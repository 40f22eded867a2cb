import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import ZonosModule from "../modules/zonos"

/** Each Zonos order record points at the Medusa order it became (one to one). */
export default defineLink(ZonosModule.linkable.zonosOrder, OrderModule.linkable.order)
