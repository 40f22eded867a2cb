import { SANDBOX_SECRET, SANDBOX_STORE_ID } from "./constants"
import { SandboxState } from "./sandbox-state"
import { SandboxServer } from "./server"
import { SandboxFaults, SandboxOptions, ZonosSandbox } from "./types"

const DEFAULT_HOST = "127.0.0.1"

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1"
  return host.includes(":") ? `[${host}]` : host
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, got ${port}`)
  return port
}

/**
 * Starts a Zonos sandbox: an HTTP server on loopback that speaks the Zonos Checkout
 * order API (the contract the README's sandbox section summarises), with seeded orders, fault injection and a
 * control API under `/__sandbox/`.
 */
export async function startZonosSandbox(options: SandboxOptions = {}): Promise<ZonosSandbox> {
  const host = options.host ?? DEFAULT_HOST
  const storeId = options.storeId ?? SANDBOX_STORE_ID
  const secret = options.secret ?? SANDBOX_SECRET
  if (!/^\d+$/.test(storeId)) throw new RangeError(`storeId must be digits, got ${storeId}`)
  if (secret === "") throw new RangeError("secret must not be empty")
  const state = new SandboxState({
    storeId,
    secret,
    seed: options.seed ?? true,
    now: options.now ?? (() => new Date()),
  })
  const server = new SandboxServer(state)
  const port = await server.listen(checkPort(options.port ?? 0), host)

  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    storeId,
    secret,
    close: () => server.close(),
    addOrder: (fields?: Record<string, unknown>) => state.addOrder(fields ?? {}),
    setOrderStatus: (orderId: string, status: string) => {
      state.setOrderStatus(orderId, status)
    },
    getOrder: (orderId: string) => state.getOrder(orderId),
    listOrders: () => state.listOrders(),
    setFaults: (faults: SandboxFaults) => state.setFaults(faults),
    clearFaults: () => state.clearFaults(),
    calls: () => state.recorder.countsByEndpoint(),
    callLog: () => state.recorder.entries(),
    peakOpenCalls: () => state.recorder.peakOpenByEndpoint(),
    resetCalls: () => state.recorder.clear(),
    tempCarts: () => state.tempCarts.list(),
    reset: () => state.reset(),
  }
}
