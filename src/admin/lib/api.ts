/** The plugin's admin endpoints, one function each (see src/api/admin/zonos). */
import { sdk } from "./sdk"
import type {
  ZonosConnection,
  ZonosImportResult,
  ZonosOrderFull,
  ZonosOrderList,
  ZonosOrderListQuery,
  ZonosShipmentUpdateResult,
  ZonosSweep,
} from "./types"

const BASE = "/admin/zonos"

/** Path segment for a Zonos order id as typed or stored ("999-1001" or "1001"). */
function orderPath(zonosOrderId: string): string {
  return `${BASE}/orders/${encodeURIComponent(zonosOrderId.trim())}`
}

export const zonosApi = {
  connection: () => sdk.client.fetch<ZonosConnection>(`${BASE}/connection`),

  listOrders: (query: ZonosOrderListQuery) =>
    sdk.client.fetch<ZonosOrderList>(`${BASE}/orders`, {
      query: {
        limit: query.limit,
        offset: query.offset,
        ...(query.state ? { state: query.state } : {}),
        ...(query.test_order !== undefined ? { test_order: String(query.test_order) } : {}),
        ...(query.dismissed ? { dismissed: "true" } : {}),
        ...(query.q?.trim() ? { q: query.q.trim() } : {}),
      },
    }),

  retrieveOrder: (zonosOrderId: string) =>
    sdk.client.fetch<{ zonos_order: ZonosOrderFull }>(orderPath(zonosOrderId)).then((body) => body.zonos_order),

  importOrder: (zonosOrderId: string) =>
    sdk.client
      .fetch<{ result: ZonosImportResult }>(`${BASE}/orders/import`, {
        method: "POST",
        body: { zonos_order_id: zonosOrderId.trim() },
      })
      .then((body) => body.result),

  retryOrder: (zonosOrderId: string) =>
    sdk.client
      .fetch<{ result: ZonosImportResult }>(`${orderPath(zonosOrderId)}/retry`, { method: "POST" })
      .then((body) => body.result),

  checkOrder: (zonosOrderId: string) =>
    sdk.client
      .fetch<{ result: ZonosImportResult }>(`${orderPath(zonosOrderId)}/check`, { method: "POST" })
      .then((body) => body.result),

  releaseHold: (zonosOrderId: string, note?: string) =>
    sdk.client
      .fetch<{ result: ZonosImportResult }>(`${orderPath(zonosOrderId)}/release`, {
        method: "POST",
        body: note?.trim() ? { note: note.trim() } : {},
      })
      .then((body) => body.result),

  dismissOrder: (zonosOrderId: string, note: string) =>
    sdk.client
      .fetch<{ result: { zonos_order_number: string; dismissed_at: string } }>(`${orderPath(zonosOrderId)}/dismiss`, {
        method: "POST",
        body: { note: note.trim() },
      })
      .then((body) => body.result),

  sendShipment: (zonosOrderId: string) =>
    sdk.client
      .fetch<{ result: ZonosShipmentUpdateResult }>(`${orderPath(zonosOrderId)}/shipment`, { method: "POST" })
      .then((body) => body.result),

  listSweeps: (limit = 5) =>
    sdk.client.fetch<{ zonos_sweeps: ZonosSweep[]; count: number }>(`${BASE}/sweeps`, { query: { limit } }),

  /** Starts a sweep (with `since_date` "YYYY-MM-DD", a backfill); answers at once with it running. */
  runSweep: (body: { since_date?: string } = {}) =>
    sdk.client
      .fetch<{ zonos_sweep: ZonosSweep }>(`${BASE}/sweeps`, { method: "POST", body })
      .then((response) => response.zonos_sweep),

  sweep: (sweepId: string) =>
    sdk.client
      .fetch<{ zonos_sweep: ZonosSweep }>(`${BASE}/sweeps/${encodeURIComponent(sweepId)}`)
      .then((body) => body.zonos_sweep),
}
