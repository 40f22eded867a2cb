import path from "node:path"
import { Browser, BrowserContext, chromium, Locator, Page } from "playwright-core"
import { ADMIN_EMAIL, ADMIN_PASSWORD, ARTIFACTS_DIR } from "./browser-store"
import { ensureChromium } from "./ensure-chromium"

export const SCREENSHOT_DIR = ARTIFACTS_DIR

export type AdminBrowser = {
  browser: Browser
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/** Debian's Chromium, headless, driven by playwright-core (no browser download). */
export async function launchAdminBrowser(): Promise<AdminBrowser> {
  const executablePath: string = ensureChromium((line: string) => console.log(`[browser] ${line}`))
  // playwright gives every launch a fresh, temporary profile (user-data dir).
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", timezoneId: "UTC" })
  context.setDefaultTimeout(30_000)
  const page = await context.newPage()
  return {
    browser,
    context,
    page,
    close: () => browser.close().catch(() => undefined),
  }
}

/** Logs in through the dashboard's own login form; it lands on the orders list. */
export async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
}

const TALL = 2400

/**
 * Runs `shoot` with the window grown so the dashboard's inner scroll panel holds the whole
 * content (it then sits at the top), and with toasts hidden so they cover nothing.
 */
async function withTallWindow<T>(page: Page, shoot: () => Promise<T>): Promise<T> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 }
  await page.setViewportSize({ width: viewport.width, height: TALL })
  const style = await page.addStyleTag({ content: "[data-sonner-toaster] { display: none !important; }" })
  try {
    await page.waitForTimeout(300)
    return await shoot()
  } finally {
    await style.evaluate((node) => (node as unknown as { remove(): void }).remove()).catch(() => undefined)
    await page.setViewportSize(viewport)
  }
}

/** Saves a screenshot of one element (e.g. the order panel) into test-artifacts/. */
export async function screenshotElement(page: Page, locator: Locator, file: string): Promise<string> {
  const target = path.join(SCREENSHOT_DIR, file)
  await withTallWindow(page, () => locator.screenshot({ path: target, animations: "disabled" }))
  return target
}

/** Saves the window, cut just below `contentSelector`, into test-artifacts/. */
export async function screenshotPage(page: Page, file: string, contentSelector: string): Promise<string> {
  const target = path.join(SCREENSHOT_DIR, file)
  await withTallWindow(page, async () => {
    const box = await page.locator(contentSelector).boundingBox()
    const width = page.viewportSize()?.width ?? 1440
    const height = Math.min(TALL, Math.ceil((box?.y ?? 0) + (box?.height ?? TALL) + 24))
    await page.screenshot({ path: target, animations: "disabled", clip: { x: 0, y: 0, width, height } })
  })
  return target
}
