import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { ZONOS_ORDER_DETAIL_FIELDS, ZONOS_ORDER_LIST_FIELDS, ZONOS_SWEEP_FIELDS } from "./admin/zonos/query-config"
import {
  AdminDismissZonosOrder,
  AdminGetZonosOrder,
  AdminImportZonosOrder,
  AdminListZonosOrders,
  AdminGetZonosSweep,
  AdminListZonosSweeps,
  AdminStartZonosSweep,
  AdminReleaseZonosOrder,
} from "./admin/zonos/validators"
import { StoreZonosOrderOfCart } from "./store/zonos/orders/validators"
import { StoreStartZonosCheckout } from "./store/zonos/checkout/validators"
import { refuseHeldFulfillment } from "./utils/refuse-held-fulfillment"
import { ZonosSuccessQuery } from "./zonos/success/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/zonos/success",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ZonosSuccessQuery, {})],
    },
    {
      matcher: "/store/zonos/orders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreZonosOrderOfCart, {})],
    },
    {
      matcher: "/admin/zonos/orders/:zonos_order_id/dismiss",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminDismissZonosOrder)],
    },
    {
      matcher: "/store/zonos/checkout",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreStartZonosCheckout)],
    },
    {
      matcher: "/admin/zonos/orders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListZonosOrders, { isList: true, defaults: ZONOS_ORDER_LIST_FIELDS })],
    },
    {
      matcher: "/admin/zonos/orders/:zonos_order_id",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminGetZonosOrder, { defaults: ZONOS_ORDER_DETAIL_FIELDS })],
    },
    {
      matcher: "/admin/zonos/orders/import",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminImportZonosOrder)],
    },
    {
      matcher: "/admin/zonos/orders/:zonos_order_id/release",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminReleaseZonosOrder)],
    },
    {
      matcher: "/admin/zonos/sweeps",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListZonosSweeps, { isList: true, defaults: ZONOS_SWEEP_FIELDS })],
    },
    {
      matcher: "/admin/zonos/sweeps",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminStartZonosSweep)],
    },
    {
      matcher: "/admin/zonos/sweeps/:id",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminGetZonosSweep, { defaults: ZONOS_SWEEP_FIELDS })],
    },
    {
      matcher: "/admin/orders/:id/fulfillments",
      methods: ["POST"],
      middlewares: [refuseHeldFulfillment],
    },
  ],
})
