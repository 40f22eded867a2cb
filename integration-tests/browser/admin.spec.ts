/**
 * The plugin's admin UI in a real Chromium, against the development store built and
 * started as in production and a Zonos sandbox. Run by `npm test` (suite "browser").
 *
 * One store for the whole file; the tests run in order and build on each other: the
 * empty page, three orders seeded through the success page, retry the failed one,
 * follow a fraud-review hold on the order's panel until Zonos releases it, import an order
 * by id, run a sweep, and release a screening-list hold by hand.
 */
import { Locator, Page } from "playwright-core"
import { SANDBOX_SECRET, SANDBOX_STORE_ID, startZonosSandbox, ZonosSandbox } from "../../src/sandbox"
import { AdminBrowser, launchAdminBrowser, logIn, screenshotElement, screenshotPage } from "./admin-browser"
import { BrowserStore, startBrowserStore } from "./browser-store"

jest.setTimeout(90_000)

const log = (line: string) => console.log(`[browser] ${line}`)

let sandbox: ZonosSandbox
let store: BrowserStore
let admin: AdminBrowser
let page: Page

/** The Zonos page's table row of one Zonos order ("999-1001"). */
function orderRow(label: string): Locator {
  return page
    .getByTestId("zonos-orders")
    .locator("tbody tr")
    .filter({ has: page.getByTestId("zonos-row-id").getByText(label, { exact: true }) })
}

/** Polls until `check` holds (locator counts settle after the table refetches). */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function panel(): Locator {
  return page.getByTestId("zonos-order-panel")
}

/** Runs a step; on failure saves a screenshot next to the others before failing. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    await page
      ?.screenshot({ path: `test-artifacts/failure-${name}.png` })
      .then(() => log(`failure screenshot: test-artifacts/failure-${name}.png`))
      .catch(() => undefined)
    throw error
  }
}

async function openZonosPage() {
  await page.goto(`${store.url}/app/zonos`)
  await page.getByTestId("zonos-row-id").first().waitFor()
}

/** GET the success page like a shopper's browser redirected by Zonos (redirect not followed). */
async function visitSuccessPage(zonosOrderId: string): Promise<string> {
  const response = await fetch(`${store.url}/zonos/success?orderId=${zonosOrderId}`, { redirect: "manual" })
  expect(response.status).toBe(303)
  return response.headers.get("location") ?? ""
}

function dailyCronInTwelveHours(): string {
  const at = new Date(Date.now() + 12 * 60 * 60 * 1000)
  return `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`
}

beforeAll(async () => {
  const started = Date.now()
  sandbox = await startZonosSandbox({ port: 0 })
  store = await startBrowserStore({
    env: {
      ZONOS_API_URL: sandbox.url,
      ZONOS_STORE_ID: SANDBOX_STORE_ID,
      ZONOS_SECRET: SANDBOX_SECRET,
      ZONOS_MAX_RETRIES: "0",
      ZONOS_TIMEOUT_MS: "2000",
      ZONOS_SUCCESS_PAGE_WAIT_MS: "15000",
      // No scheduled sweep may run during the test (only "Run sweep now"): once a day, 12
      // hours from now. Not further: Medusa's in-memory scheduler overflows setTimeout for a
      // next run more than 24.8 days away and then runs the job over and over.
      ZONOS_SWEEP_SCHEDULE: dailyCronInTwelveHours(),
    },
    log,
  })
  admin = await launchAdminBrowser()
  page = admin.page
  log(`store, sandbox and browser ready in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}, 300_000)

afterAll(async () => {
  await admin?.close()
  await store?.stop()
  await sandbox?.close()
}, 60_000)

it("says what to do while there are no orders yet", async () => {
  await step("empty", async () => {
    await logIn(page, store.url)
    await page.goto(`${store.url}/app/zonos`)
    await page.getByText("No orders yet").waitFor()
    await page.getByText("Orders appear here after a shopper completes Zonos Checkout or the sweep runs.").waitFor()
    log(`screenshot: ${await screenshotPage(page, "zonos-page-empty.png", "[data-testid=zonos-page]")}`)
  })
})

it("lists the orders that came through the success page, each with its state", async () => {
  // The redirect says nothing but the id (the route is public): no order id, no outcome.
  expect(await visitSuccessPage("999-1001")).toBe("/zonos/thank-you?zonos_order_id=999-1001")
  expect(await visitSuccessPage("999-1004")).toBe("/zonos/thank-you?zonos_order_id=999-1004")
  sandbox.setFaults({ failNext: 3, endpoints: ["orderDetail"] })
  await visitSuccessPage("999-1002")
  sandbox.clearFaults()

  await step("zonos-page", async () => {
    await openZonosPage()
    await expect(page.getByTestId("zonos-connection-status").textContent()).resolves.toBe("Connected")
    await expect(page.getByTestId("zonos-store-id").textContent()).resolves.toContain(SANDBOX_STORE_ID)
    await expect(page.getByTestId("zonos-connection").textContent()).resolves.not.toContain(SANDBOX_SECRET)

    const rows = page.getByTestId("zonos-orders").locator("tbody tr")
    await waitUntil("the table lists 3 orders", async () => (await rows.count()) === 3)
    await expect(orderRow("999-1001").getByTestId("zonos-state").textContent()).resolves.toBe("Imported")
    await expect(orderRow("999-1004").getByTestId("zonos-state").textContent()).resolves.toBe("On hold")
    await expect(orderRow("999-1004").getByTestId("zonos-row-details").textContent()).resolves.toBe(
      "On hold: fraud review by Zonos"
    )
    await expect(orderRow("999-1002").getByTestId("zonos-state").textContent()).resolves.toBe("Failed")
    await expect(orderRow("999-1002").getByTestId("zonos-row-details").textContent()).resolves.toMatch(
      /^Import failed: .*500/
    )
    // Imported rows link to their Medusa order; the failed one has none yet.
    await expect(orderRow("999-1001").locator("a").getAttribute("href")).resolves.toMatch(/^\/app\/orders\/order_/)
    await expect(orderRow("999-1002").locator("a").count()).resolves.toBe(0)
  })
})

it("retries the failed import from the page", async () => {
  await step("retry", async () => {
    const row = orderRow("999-1002")
    const retry = row.getByRole("button", { name: /Retry/ })
    await retry.click()
    await row.getByTestId("zonos-state").getByText("Imported", { exact: true }).waitFor()
    await expect(row.locator("a").getAttribute("href")).resolves.toMatch(/^\/app\/orders\/order_/)
    await expect(row.getByRole("button", { name: /Retry/ }).count()).resolves.toBe(0)
    await page.getByText("Zonos order 999-1002 imported").first().waitFor()
  })
})

it("shows Zonos's figures in Medusa's own order summary for a discounted order (999-1002)", async () => {
  await step("summary", async () => {
    await orderRow("999-1002").locator("a").click()
    await page.waitForURL(/\/app\/orders\/order_/)
    // Zonos: items 156.00, shipping 29.50, duties & taxes 62.02, discount 12.00, grand total 235.52
    const summary = page.locator("div", { hasText: /Total after discount/i }).last()
    await summary.waitFor()
    const text = (await page.locator("body").textContent()) ?? ""
    for (const amount of ["$156.00", "$29.50", "$62.02", "$247.52", "$12.00", "$235.52"]) expect(text).toContain(amount)
    // ... each on its own row of Medusa's summary, not merely somewhere on the page
    const summaryRows = (label: string) =>
      page.evaluate(
        (label) =>
          Array.from(document.querySelectorAll("div.grid-cols-3, div.justify-between"))
            .map((row) => (row.textContent ?? "").replace(/\s+/g, " ").trim())
            .filter((row) => row.startsWith(label)),
        label
      )
    for (const [label, amount] of [
      ["Item Subtotal", "$156.00"],
      ["Shipping Subtotal", "$29.50"],
      ["Tax Total", "$62.02"],
      ["Discount Total", "$12.00"],
      ["Total After Discount", "$235.52"],
    ]) {
      expect({ label, rows: await summaryRows(label) }).toEqual({ label, rows: expect.arrayContaining([expect.stringContaining(amount)]) })
    }
    expect(text).not.toContain("$66.31")
    expect(text).not.toContain("$16.29")
    log(`screenshot: ${await screenshotPage(page, "order-summary-999-1002.png", "body")}`)
    await page.goBack()
  })
})

it("shows the fraud-review hold on the order's panel, and its release after Check with Zonos now", async () => {
  await step("panel", async () => {
    await orderRow("999-1004").locator("a").click()
    await page.waitForURL(/\/app\/orders\/order_/)
    await panel().waitFor()
    await panel().getByTestId("zonos-hold").waitFor()
    await expect(panel().getByTestId("zonos-hold").textContent()).resolves.toContain("On hold: fraud review by Zonos")
    await expect(panel().getByTestId("zonos-order-id").textContent()).resolves.toBe("999-1004")
    await expect(panel().getByTestId("zonos-status").textContent()).resolves.toBe("Fraud review")
    const amounts = (await panel().getByTestId("zonos-amounts").textContent()) ?? ""
    expect(amounts).toContain("USD")
    expect(amounts).toContain("AUD")
    await expect(panel().getByTestId("zonos-duties").textContent()).resolves.toContain("Duty")
    await expect(panel().getByTestId("zonos-history").textContent()).resolves.toContain("Success page")
    await expect(panel().getByRole("button", { name: "Release hold" }).count()).resolves.toBe(0)
    log(`screenshot: ${await screenshotElement(page, panel(), "zonos-order-panel.png")}`)

    sandbox.setOrderStatus("999-1004", "IGLOBAL_ORDER_IN_PROCESS")
    const check = panel().getByRole("button", { name: "Check with Zonos now" })
    await check.click()
    await panel().getByTestId("zonos-state").getByText("Imported", { exact: true }).waitFor()
    await expect(panel().getByTestId("zonos-hold").count()).resolves.toBe(0)
    await expect(panel().getByTestId("zonos-status").textContent()).resolves.toBe("In process")
    await expect(panel().getByTestId("zonos-history").textContent()).resolves.toContain("Hold released by Zonos")
    await page.getByText("Checked 999-1004 with Zonos").first().waitFor()
    log(`screenshot: ${await screenshotElement(page, panel(), "zonos-order-panel-released.png")}`)
  })
})

it("imports an order by its Zonos id from the page", async () => {
  const added = sandbox.addOrder({ orderStatus: "IGLOBAL_ORDER_IN_PROCESS" })
  const label = String(added.orderId)
  await step("import", async () => {
    await page.getByRole("link", { name: "Zonos", exact: true }).click()
    await page.waitForURL(/\/app\/zonos/)
    await page.getByRole("button", { name: "Import an order" }).click()
    await page.locator("#zonos-import-id").fill(label)
    await page.getByRole("button", { name: "Import", exact: true }).click()
    const outcome = page.getByTestId("zonos-import-outcome")
    await outcome.waitFor()
    await expect(outcome.textContent()).resolves.toContain(`Zonos order ${label} imported`)
    await page.keyboard.press("Escape")
    await orderRow(label).getByTestId("zonos-state").getByText("Imported", { exact: true }).waitFor()
  })
})

it("runs a sweep from the page and shows how it ended", async () => {
  await step("sweep", async () => {
    await openZonosPage()
    await expect(page.getByTestId("zonos-last-sweep").textContent()).resolves.toContain("No sweep has run yet")
    const run = page.getByRole("button", { name: "Run sweep now" })
    await run.click()
    await page.getByTestId("zonos-sweep-counts").waitFor({ timeout: 60_000 })

    const response = await admin.context.request.get(`${store.url}/admin/zonos/sweeps?limit=1`)
    expect(response.ok()).toBe(true)
    const [sweep] = (await response.json()).zonos_sweeps
    expect(sweep.status).toBe("succeeded")
    expect(sweep.counts.listed).toBeGreaterThan(4)
    const counts = await page.getByTestId("zonos-sweep-counts").textContent()
    expect(counts).toContain(`${sweep.counts.listed} listed`)
    expect(counts).toContain(`${sweep.counts.imported} imported`)
    await expect(page.getByTestId("zonos-last-sweep").textContent()).resolves.toContain("Succeeded")
    // The orders the sweep imported are listed too.
    const rows = page.getByTestId("zonos-orders").locator("tbody tr")
    await waitUntil("the swept orders are listed", async () => (await rows.count()) >= 4 + sweep.counts.imported)
    await orderRow("999-1011").getByTestId("zonos-state").getByText("Cancelled", { exact: true }).waitFor()
    await expect(run.isEnabled()).resolves.toBe(true)
    log(`screenshot: ${await screenshotPage(page, "zonos-page.png", "[data-testid=zonos-page]")}`)
  })
})

it("releases a screening-list hold by hand, with a note", async () => {
  await step("release", async () => {
    await orderRow("999-1009").getByTestId("zonos-state").getByText("On hold", { exact: true }).waitFor()
    await orderRow("999-1009").click()
    await page.waitForURL(/\/app\/orders\/order_/)
    await panel().getByTestId("zonos-hold").waitFor()
    await expect(panel().getByTestId("zonos-hold").textContent()).resolves.toContain(
      "buyer matched the US screening list - review before shipping"
    )
    await panel().getByRole("button", { name: "Release hold" }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.locator("#zonos-release-note").fill("Checked by hand: not the listed party")
    await dialog.getByRole("button", { name: "Release hold" }).click()
    await panel().getByTestId("zonos-state").getByText("Imported", { exact: true }).waitFor()
    await expect(panel().getByTestId("zonos-history").textContent()).resolves.toContain(
      "Checked by hand: not the listed party"
    )
  })
})

it("keeps ids Zonos does not know out of the list, and dismisses a row that will never import", async () => {
  await visitSuccessPage("999-7654321")
  const stuck = sandbox.addOrder({ orderStatus: "IGLOBAL_ORDER_IN_PROCESS" })
  const label = String(stuck.orderId)
  sandbox.setFaults({ failNext: 1, endpoints: ["orderDetail"] })
  await visitSuccessPage(label)
  sandbox.clearFaults()
  await step("dismiss", async () => {
    await openZonosPage()
    const row = orderRow(label)
    await row.getByTestId("zonos-state").getByText("Failed", { exact: true }).waitFor()
    await expect(orderRow("999-7654321").count()).resolves.toBe(0)
    await row.getByRole("button", { name: `Dismiss ${label}` }).click()
    const dialog = page.getByRole("alertdialog")
    const confirm = dialog.getByRole("button", { name: "Dismiss", exact: true })
    await expect(confirm.isDisabled()).resolves.toBe(true)
    await dialog.locator("#zonos-dismiss-note").fill("Settled by hand with the shopper")
    await confirm.click()
    await page.getByText(`Zonos order ${label} dismissed`).first().waitFor()
    await waitUntil("the dismissed row leaves the list", async () => (await orderRow(label).count()) === 0)

    const response = await admin.context.request.get(`${store.url}/admin/zonos/orders/${label}`)
    const { zonos_order } = await response.json()
    expect(zonos_order).toEqual(expect.objectContaining({ state: "failed", dismiss_note: "Settled by hand with the shopper" }))
  })
})

it("backfills from a date on the page, showing the sweep's progress while it runs, then its result", async () => {
  await step("backfill", async () => {
    await openZonosPage()
    // Orders of 40 days ago: past the regular sweep's window, only a backfill finds them.
    const placed = Date.now() - 40 * 24 * 60 * 60 * 1000
    for (let index = 0; index < 6; index += 1) sandbox.addOrder({ orderDate: placed })
    const since = new Date(placed - 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
    // A slow Zonos keeps the sweep running long enough to read its progress.
    sandbox.setFaults({ latencyMs: 1500, endpoints: ["orderDetail"] })
    try {
      await page.locator("#zonos-backfill-date").fill(since)
      await page.getByRole("button", { name: "Backfill" }).click()
      await page.getByTestId("zonos-sweep-progress").getByText(/\d+ of \d+ orders handled/).waitFor({ timeout: 30_000 })
      log(`screenshot: ${await screenshotPage(page, "zonos-backfill-progress.png", "[data-testid=zonos-connection]")}`)
      await page.getByTestId("zonos-sweep-counts").waitFor({ timeout: 120_000 })
    } finally {
      sandbox.clearFaults()
    }
    const response = await admin.context.request.get(`${store.url}/admin/zonos/sweeps?limit=1`)
    const [sweep] = (await response.json()).zonos_sweeps
    expect(sweep).toEqual(expect.objectContaining({ trigger: "backfill", status: "succeeded", since_date: since.replace(/-/g, "") }))
    expect(sweep.counts.imported).toBeGreaterThanOrEqual(6)
    await expect(page.getByTestId("zonos-sweep-counts").textContent()).resolves.toContain(`${sweep.counts.imported} imported`)
  })
})
