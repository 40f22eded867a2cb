/** react-query hooks around the plugin's admin API (the dashboard provides the QueryClient). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { zonosApi } from "../lib/api"
import type { ZonosOrderListQuery } from "../lib/types"

export const zonosKeys = {
  all: ["zonos"] as const,
  connection: () => ["zonos", "connection"] as const,
  orders: () => ["zonos", "orders"] as const,
  orderList: (query: ZonosOrderListQuery) => ["zonos", "orders", "list", query] as const,
  order: (zonosOrderId: string) => ["zonos", "orders", "detail", zonosOrderId] as const,
  sweeps: () => ["zonos", "sweeps"] as const,
  sweep: (sweepId: string) => ["zonos", "sweeps", "detail", sweepId] as const,
}

/** How often a running sweep's progress is read again. */
const SWEEP_POLL_MS = 1000

/** The dashboard's own order queries ("orders" keys), refreshed after a hold changes. */
const MEDUSA_ORDER_KEY = ["orders"]

export function useZonosConnection() {
  return useQuery({ queryKey: zonosKeys.connection(), queryFn: zonosApi.connection, staleTime: 30_000 })
}

export function useZonosOrders(query: ZonosOrderListQuery) {
  return useQuery({
    queryKey: zonosKeys.orderList(query),
    queryFn: () => zonosApi.listOrders(query),
    placeholderData: keepPreviousData,
  })
}

export function useZonosOrder(zonosOrderId: string | undefined) {
  return useQuery({
    queryKey: zonosKeys.order(zonosOrderId ?? ""),
    queryFn: () => zonosApi.retrieveOrder(zonosOrderId ?? ""),
    enabled: Boolean(zonosOrderId),
    retry: (count, error) => count < 2 && !isNotFound(error),
  })
}

export function useInvalidateZonos() {
  const queryClient = useQueryClient()
  return async (options: { medusaOrders?: boolean } = {}) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: zonosKeys.all }),
      options.medusaOrders ? queryClient.invalidateQueries({ queryKey: MEDUSA_ORDER_KEY }) : Promise.resolve(),
    ])
  }
}

export function useImportZonosOrder() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: (zonosOrderId: string) => zonosApi.importOrder(zonosOrderId),
    onSettled: () => invalidate({ medusaOrders: true }),
  })
}

export function useRetryZonosOrder() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: (zonosOrderId: string) => zonosApi.retryOrder(zonosOrderId),
    onSettled: () => invalidate({ medusaOrders: true }),
  })
}

export function useCheckZonosOrder() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: (zonosOrderId: string) => zonosApi.checkOrder(zonosOrderId),
    onSettled: () => invalidate({ medusaOrders: true }),
  })
}

export function useReleaseZonosHold() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: ({ zonosOrderId, note }: { zonosOrderId: string; note?: string }) =>
      zonosApi.releaseHold(zonosOrderId, note),
    onSettled: () => invalidate({ medusaOrders: true }),
  })
}

export function useDismissZonosOrder() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: ({ zonosOrderId, note }: { zonosOrderId: string; note: string }) => zonosApi.dismissOrder(zonosOrderId, note),
    onSettled: () => invalidate(),
  })
}

export function useRunZonosSweep() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: (body: { since_date?: string }) => zonosApi.runSweep(body),
    onSettled: () => invalidate(),
  })
}

/** One sweep, read again every second while it runs (its `done` of `total`), then no more. */
export function useZonosSweep(sweepId: string | null) {
  return useQuery({
    queryKey: zonosKeys.sweep(sweepId ?? ""),
    queryFn: () => zonosApi.sweep(sweepId ?? ""),
    enabled: sweepId !== null,
    refetchInterval: (query) => (query.state.data?.status === "running" ? SWEEP_POLL_MS : false),
  })
}

/** The JS SDK's FetchError carries the HTTP status: a 404 is an answer, not worth a retry. */
function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error && error.status === 404
}

export function useSendZonosShipment() {
  const invalidate = useInvalidateZonos()
  return useMutation({
    mutationFn: (zonosOrderId: string) => zonosApi.sendShipment(zonosOrderId),
    onSettled: () => invalidate(),
  })
}
