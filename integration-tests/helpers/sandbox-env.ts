import { SANDBOX_SECRET, SANDBOX_STORE_ID, startZonosSandbox, ZonosSandbox } from "../../src/sandbox"

/**
 * Starts the Zonos sandbox before the Medusa test runner boots the development store, and
 * points the plugin at it through the env the development store's medusa-config reads.
 * Call at the top level of a spec file, before medusaIntegrationTestRunner.
 */
export function useZonosSandbox(env: Record<string, string> = {}): { sandbox: () => ZonosSandbox } {
  let sandbox: ZonosSandbox | undefined
  beforeAll(async () => {
    sandbox = await startZonosSandbox({ port: 0 })
    Object.assign(process.env, {
      ZONOS_API_URL: sandbox.url,
      ZONOS_STORE_ID: SANDBOX_STORE_ID,
      ZONOS_SECRET: SANDBOX_SECRET,
      ZONOS_CHECKOUT_URL: `${sandbox.url}/checkout`,
      // The sandbox shares the test process's event loop with Medusa: a busy loop delays its
      // answers, so the timeout leaves room, and the success page waits out timeout x attempts.
      ZONOS_TIMEOUT_MS: "3000",
      ZONOS_MAX_RETRIES: "1",
      ZONOS_SUCCESS_PAGE_WAIT_MS: "15000",
      ZONOS_STOREFRONT_SUCCESS_URL: "https://shop.example/checkout/thank-you",
      MEDUSA_ADMIN_DISABLED: "true",
      ...env,
    })
  })
  afterAll(async () => {
    await sandbox?.close()
  })
  return {
    sandbox: () => {
      if (!sandbox) throw new Error("The sandbox is not started yet")
      return sandbox
    },
  }
}
