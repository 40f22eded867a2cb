import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { formatZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { runZonosImport } from "../../../workflows/zonos/helpers/run-zonos-import"
import { requireZonosOrderNumber } from "../../utils/require-zonos-order-number"
import { buildSuccessRedirect } from "../../utils/success-redirect"
import { ZonosSuccessQueryType } from "./validators"

/**
 * Zonos sends the shopper's browser here after checkout (`?orderId=999-12345`). The order is
 * imported at once (waiting at most `successPageWaitMs`), then the shopper is sent on to the
 * storefront with the Zonos order id and nothing else.
 *
 * The route is public and Zonos ids are sequential, so anyone can call it with any id: the
 * redirect must not tell them anything they did not type (no Medusa order id, which unlocks the
 * shopper's data on the store API, and no outcome, which would say which orders are in fraud
 * review). The storefront that started the checkout finds its order by its cart instead
 * (`GET /store/zonos/orders?cart_id=`). At most `successPageMaxInFlight` imports run here at
 * once; past that the shopper is redirected at once and the sweep imports the order. Telling
 * Zonos the Medusa order number is left to a subscriber, after the answer (../../../workflows/
 * zonos/events.ts): the shopper waits for one Zonos call, not two.
 */
export const GET = async (req: MedusaRequest<unknown, ZonosSuccessQueryType>, res: MedusaResponse) => {
  const zonos = req.scope.resolve<ZonosModuleService>(ZONOS_MODULE)
  const settings = zonos.getSettings()
  const zonosOrderNumber = requireZonosOrderNumber(req.scope, req.validatedQuery.orderId, "orderId")

  const importing = zonos.successPageImports.tryRun(() =>
    runZonosImport(req.scope, { zonos_order_id: zonosOrderNumber, source: "success_page", defer_write_back: true })
  )
  if (importing) {
    await Promise.race([importing, delay(settings.successPageWaitMs)]).catch(() => undefined)
  }

  res.redirect(303, buildSuccessRedirect(settings.storefrontSuccessUrl, formatZonosOrderId(settings.storeId, zonosOrderNumber)))
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
