import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../../../../modules/zonos"
import { formatZonosOrderId } from "../../../../modules/zonos/client"
import ZonosModuleService from "../../../../modules/zonos/service"
import { StoreZonosOrderOfCartType } from "./validators"
import { storefrontOrderStatus } from "../../../utils/storefront-order-status"

/**
 * GET /store/zonos/orders?cart_id=: the order Zonos Checkout made of this cart, for the
 * storefront's thank-you page. The cart id is what unlocks it: the storefront holds it (it started
 * the checkout with it as Zonos's `referenceId`), a stranger who only knows a Zonos order id does
 * not, and cart ids cannot be guessed. This is the same trust Medusa's own cart completion puts in
 * a cart id. Until the order is imported the answer is `processing`; poll.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreZonosOrderOfCartType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { storeId } = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE).getSettings()
  const cartId = req.validatedQuery.cart_id

  const { data: carts } = await query.graph({ entity: "cart", fields: ["id"], filters: { id: cartId } })
  if (!carts.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  const { data: rows } = await query.graph({
    entity: "zonos_order",
    fields: ["zonos_order_number", "state", "order.id", "order.display_id"],
    filters: { reference_id: cartId },
  })
  const row = rows[0]
  res.json({
    status: storefrontOrderStatus(row ? { state: row.state, has_order: Boolean(row.order?.id) } : null),
    zonos_order_id: row ? formatZonosOrderId(storeId, row.zonos_order_number) : null,
    order: row?.order?.id ? { id: row.order.id, display_id: Number(row.order.display_id) } : null,
  })
}
