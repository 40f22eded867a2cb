/**
 * The whole sale in a real Chromium: a storefront-side call starts Zonos Checkout for a Medusa
 * cart, the shopper pays on the (sandbox's) hosted checkout page, the browser follows Zonos's
 * redirect to the success route and lands on the thank-you page; the Medusa order is linked
 * to the cart, on the cart's variants, with Zonos's grand total. Then the same with "fraud
 * review", which ends held. Against the development store built and started as in production.
 */
import Medusa from "@medusajs/js-sdk"
import { Client } from "pg"
import { Page } from "playwright-core"
import { SANDBOX_SECRET, SANDBOX_STORE_ID, startZonosSandbox, ZonosSandbox } from "../../src/sandbox"
import { IMPORT_OUTCOME_BY_STATE, ZonosImportState } from "../../src/modules/zonos/zonos-order-states"
import { startZonosCheckout } from "../../src/storefront"
import { AdminBrowser, launchAdminBrowser, logIn, screenshotElement } from "./admin-browser"
import { ADMIN_EMAIL, ADMIN_PASSWORD, BrowserStore, startBrowserStore } from "./browser-store"

jest.setTimeout(90_000)

const log = (line: string) => console.log(`[browser] ${line}`)

let sandbox: ZonosSandbox
let store: BrowserStore
let browser: AdminBrowser
let page: Page
let adminToken: string
let publishableKey: string

async function call<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await fetch(`${store.url}${path}`, {
    method: init.method ?? "GET",
    headers: { "Content-Type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const body = await response.json()
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${JSON.stringify(body)}`)
  return body
}
const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` })
const asStorefront = () => ({ "x-publishable-api-key": publishableKey })

async function sql<T>(text: string, values: unknown[]): Promise<T[]> {
  const client = new Client({
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
    database: store.databaseName,
  })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

/** A storefront's cart: a shirt and a belt from the seeded catalogue, shipping to the UK. */
async function createCart(): Promise<string> {
  const { regions } = await call<{ regions: { id: string; name: string }[] }>("/store/regions", { headers: asStorefront() })
  const region = regions.find((candidate) => candidate.name === "International (Zonos)")!
  const { products } = await call<{ products: { variants: { id: string; sku: string }[] }[] }>(
    `/store/products?region_id=${region.id}&fields=*variants`,
    { headers: asStorefront() }
  )
  const variant = (sku: string) => products.flatMap((product) => product.variants).find((v) => v.sku === sku)!.id
  const { cart } = await call<{ cart: { id: string } }>("/store/carts", {
    method: "POST",
    headers: asStorefront(),
    body: {
      region_id: region.id,
      email: "amelia.clarke@example.co.uk",
      shipping_address: { first_name: "Amelia", last_name: "Clarke", address_1: "14 Queens Road", city: "Bristol", postal_code: "BS8 1QU", country_code: "gb" },
      items: [
        { variant_id: variant("SHIRT-M"), quantity: 2 },
        { variant_id: variant("BELT-BRN-32"), quantity: 1 },
      ],
    },
  })
  return cart.id
}

/** Cart -> Zonos Checkout (storefront helper) -> Pay in the browser -> thank-you page. */
async function buyInBrowser(cartId: string, outcome: "normal" | "fraud_review") {
  const sdk = new Medusa({ baseUrl: store.url, publishableKey })
  const { checkout_url } = await startZonosCheckout(sdk, cartId)
  await page.goto(checkout_url)
  await page.getByRole("heading", { name: "Zonos Checkout (sandbox)" }).waitFor()
  await page.locator(`input[name="outcome"][value="${outcome}"]`).check()
  await page.screenshot({ path: `test-artifacts/zonos-checkout-${outcome}.png` })
  await Promise.all([page.waitForURL(/\/zonos\/thank-you/, { timeout: 60_000 }), page.getByRole("button", { name: "Pay" }).click()])
  const landed = new URL(page.url())
  // The thank-you page learns only the Zonos id; the storefront asks for the order of its cart.
  expect([...landed.searchParams.keys()]).toEqual(["zonos_order_id"])
  const zonosOrderId = String(landed.searchParams.get("zonos_order_id"))
  const mine = await call<{ status: string; zonos_order_id: string | null; order: { id: string } | null }>(
    `/store/zonos/orders?cart_id=${cartId}`,
    { headers: asStorefront() }
  )
  expect(mine).toEqual(expect.objectContaining({ status: "placed", zonos_order_id: zonosOrderId }))
  const { zonos_order } = await call<{ zonos_order: { state: ZonosImportState } }>(`/admin/zonos/orders/${zonosOrderId}`, {
    headers: asAdmin(),
  })
  return {
    order_id: String(mine.order?.id),
    zonos_order_id: zonosOrderId,
    outcome: IMPORT_OUTCOME_BY_STATE[zonos_order.state],
  }
}

beforeAll(async () => {
  sandbox = await startZonosSandbox({ port: 0 })
  store = await startBrowserStore({
    env: {
      ZONOS_API_URL: sandbox.url,
      ZONOS_CHECKOUT_URL: `${sandbox.url}/checkout`,
      ZONOS_STORE_ID: SANDBOX_STORE_ID,
      ZONOS_SECRET: SANDBOX_SECRET,
      ZONOS_MAX_RETRIES: "0",
      ZONOS_TIMEOUT_MS: "2000",
      ZONOS_SUCCESS_PAGE_WAIT_MS: "15000",
    },
    log,
  })
  browser = await launchAdminBrowser()
  page = browser.page

  adminToken = (await call<{ token: string }>("/auth/user/emailpass", { method: "POST", body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).token
  const { sales_channels } = await call<{ sales_channels: { id: string }[] }>("/admin/sales-channels", { headers: asAdmin() })
  const { api_key } = await call<{ api_key: { id: string; token: string } }>("/admin/api-keys", {
    method: "POST",
    headers: asAdmin(),
    body: { title: "Storefront", type: "publishable" },
  })
  await call(`/admin/api-keys/${api_key.id}/sales-channels`, { method: "POST", headers: asAdmin(), body: { add: sales_channels.map((c) => c.id) } })
  publishableKey = api_key.token
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await store?.stop()
  await sandbox?.close()
}, 60_000)

it("cart -> Zonos Checkout -> Pay -> success route -> one Medusa order linked to the cart, at Zonos's total", async () => {
  const cartId = await createCart()
  const bought = await buyInBrowser(cartId, "normal")
  expect(bought.outcome).toBe("imported")
  expect(bought.order_id).toMatch(/^order_/)

  const zonosOrder = sandbox.getOrder(bought.zonos_order_id)!
  expect(zonosOrder.referenceId).toBe(cartId)
  const { order } = await call<{ order: { total: number; items: { variant_id: string; variant_sku: string }[] } }>(
    `/admin/orders/${bought.order_id}?fields=id,total,items.variant_id,items.variant_sku`,
    { headers: asAdmin() }
  )
  expect(Number(order.total).toFixed(2)).toBe(Number(zonosOrder.grandTotal).toFixed(2))
  expect(order.items.map((item) => item.variant_sku).sort()).toEqual(["BELT-BRN-32", "SHIRT-M"])

  // One order, linked to the cart the Medusa way; the cart is completed.
  const links = await sql<{ order_id: string }>(`select order_id from order_cart where cart_id = $1 and deleted_at is null`, [cartId])
  expect(links).toEqual([{ order_id: bought.order_id }])
  const [cart] = await sql<{ completed_at: Date | null }>(`select completed_at from cart where id = $1`, [cartId])
  expect(cart.completed_at).not.toBeNull()
  const orders = await sql<{ count: string }>(`select count(*) from "order" where metadata->>'zonos_order_id' = $1`, [bought.zonos_order_id])
  expect(orders).toEqual([{ count: "1" }])
})

it("ships the order from the admin API; the order panel shows both tracking numbers sent to Zonos, and Send again works", async () => {
  const cartId = await createCart()
  const bought = await buyInBrowser(cartId, "normal")
  const { order } = await call<{ order: { items: { id: string; quantity: number }[] } }>(
    `/admin/orders/${bought.order_id}?fields=id,*items`,
    { headers: asAdmin() }
  )
  const { stock_locations } = await call<{ stock_locations: { id: string; name: string }[] }>("/admin/stock-locations", { headers: asAdmin() })
  const { shipping_options } = await call<{ shipping_options: { id: string; name: string }[] }>("/admin/shipping-options", { headers: asAdmin() })
  const items = order.items.map((item) => ({ id: item.id, quantity: item.quantity }))
  await call(`/admin/orders/${bought.order_id}/fulfillments`, {
    method: "POST",
    headers: asAdmin(),
    body: {
      items,
      location_id: stock_locations.find((location) => location.name === "Zonos demo warehouse")!.id,
      shipping_option_id: shipping_options.find((option) => option.name === "Shipped by Zonos")!.id,
    },
  })
  const { order: fulfilled } = await call<{ order: { fulfillments: { id: string }[] } }>(
    `/admin/orders/${bought.order_id}?fields=id,*fulfillments`,
    { headers: asAdmin() }
  )
  await call(`/admin/orders/${bought.order_id}/fulfillments/${fulfilled.fulfillments[0].id}/shipments`, {
    method: "POST",
    headers: asAdmin(),
    body: {
      items,
      labels: [
        { tracking_number: "1Z999AA10123456784", tracking_url: "https://track.example/1", label_url: "https://label.example/1" },
        { tracking_number: "1Z999AA10123456785", tracking_url: "https://track.example/2", label_url: "https://label.example/2" },
      ],
    },
  })
  const deadline = Date.now() + 20_000
  while (sandbox.getOrder(bought.zonos_order_id)?.orderStatus !== "VENDOR_SHIPMENT_READY" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(sandbox.getOrder(bought.zonos_order_id)).toMatchObject({
    orderStatus: "VENDOR_SHIPMENT_READY",
    trackingNumber: "1Z999AA10123456784,1Z999AA10123456785",
  })

  await logIn(page, store.url)
  await page.goto(`${store.url}/app/orders/${bought.order_id}`)
  const panel = page.getByTestId("zonos-order-panel")
  await panel.getByTestId("zonos-tracking-sent").getByText("1Z999AA10123456785", { exact: false }).waitFor()
  await expect(panel.getByTestId("zonos-tracking-sent").textContent()).resolves.toContain("1Z999AA10123456784")
  await expect(panel.getByTestId("zonos-vendor-status").textContent()).resolves.toContain("VENDOR_SHIPMENT_READY")
  const before = sandbox.calls().setShipmentTracking
  await panel.getByRole("button", { name: "Send again" }).click()
  // The toast's title (exact: the row "Tracking sent to Zonos" contains the same words).
  await page.getByText("Sent to Zonos", { exact: true }).waitFor()
  expect(sandbox.calls().setShipmentTracking).toBe(before + 1)
  log(`screenshot: ${await screenshotElement(page, panel, "zonos-order-panel-shipped.png")}`)
})

it("the same sale with 'fraud review' ends held", async () => {
  const cartId = await createCart()
  const bought = await buyInBrowser(cartId, "fraud_review")
  expect(bought.outcome).toBe("on_hold")
  const [record] = await sql<{ state: string; hold_reason: string }>(
    `select state, hold_reason from zonos_order where zonos_order_number = $1`,
    [bought.zonos_order_id.split("-")[1]]
  )
  expect(record).toEqual({ state: "held", hold_reason: "fraud_review" })
  const links = await sql<{ order_id: string }>(`select order_id from order_cart where cart_id = $1 and deleted_at is null`, [cartId])
  expect(links).toEqual([{ order_id: bought.order_id }])
})
