import { defineRouteConfig } from "@medusajs/admin-sdk"
import { GlobeEurope } from "@medusajs/icons"
import { ConnectionSection } from "../../components/zonos-page/connection-section"
import { OrdersTable } from "../../components/zonos-page/orders-table"
import { useZonosConnection } from "../../hooks/zonos"

/** /app/zonos: the connection, the sweeps and every Zonos order this store has seen. */
const ZonosPage = () => {
  const { data } = useZonosConnection()
  return (
    <div className="flex w-full flex-col gap-y-3" data-testid="zonos-page">
      <ConnectionSection />
      <OrdersTable storeId={data?.store_id} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Zonos",
  icon: GlobeEurope,
})

export default ZonosPage
