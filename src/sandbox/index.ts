/**
 * Zonos sandbox: a standalone HTTP server that speaks the Zonos Checkout (legacy iGlobal
 * Stores) order API on loopback, for tests and local development. Node built-ins only;
 * deliberately shares no code with src/modules, so it is an independent reading of the
 * wire contract.
 */
export { SANDBOX_SECRET, SANDBOX_STORE_ID, ENDPOINT_NAMES, ENDPOINT_PATHS, CONTROL_PREFIX } from "./constants"
export type { EndpointName } from "./constants"
export type { CallLogEntry, SandboxFaults, SandboxOptions, ZonosSandbox } from "./types"
export { startZonosSandbox } from "./start-sandbox"
export { buildSeedOrders, describeSeedOrders } from "./seed-orders"
export { DUTY_TAXES_BREAKDOWN_KEYS } from "./order-builder"
export type { ZonosOrder } from "./order-builder"
export { SANDBOX_FX_RATES } from "./money"
export type { CurrencyInfo } from "./money"
