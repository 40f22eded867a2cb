#!/usr/bin/env node
// `npm run dev`: a development store with the plugin, against the bundled Zonos sandbox.
// Needs no PostgreSQL set up by hand: when DATABASE_URL is not set it starts an embedded
// one (data kept in the OS temp dir across restarts). Ctrl-C stops everything it started.
const { spawn } = require("node:child_process")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const ROOT = path.resolve(__dirname, "..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const PORT = Number(process.env.PORT || 9000)
const SANDBOX_PORT = Number(process.env.ZONOS_SANDBOX_PORT || 4010)
const ADMIN_EMAIL = process.env.ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || "supersecret"

const cleanups = []
let stopping = false

function log(line) {
  console.log(`[dev] ${line}`)
}

function run(args, env, { allowFailure = false, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, { cwd: ROOT, env, stdio: quiet ? "pipe" : "inherit" })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    child.on("exit", (code) => {
      if (code === 0 || allowFailure) resolve(code)
      else reject(new Error(`medusa ${args[0]} exited with ${code}${quiet ? `\n${output}` : ""}`))
    })
  })
}

async function stopAll(code) {
  if (stopping) return
  stopping = true
  log("stopping…")
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error(error instanceof Error ? error.message : error)
    }
  }
  process.exit(code)
}

async function main() {
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || "development", PORT: String(PORT) }

  if (!env.DATABASE_URL) {
    log("DATABASE_URL is not set: starting an embedded PostgreSQL")
    const pg = await startEmbeddedPostgres({ name: "dev", port: Number(env.EMBEDDED_PG_PORT || 54329), log })
    cleanups.push(() => pg.stop())
    await pg.ensureDatabase("medusa_zonos_dev")
    env.DATABASE_URL = pg.url("medusa_zonos_dev")
  }

  log("building the plugin (medusa plugin:build)")
  await run(["plugin:build"], env)

  if (!env.ZONOS_API_URL) {
    const { startZonosSandbox, SANDBOX_STORE_ID, SANDBOX_SECRET } = require(path.join(ROOT, ".medusa/server/src/sandbox"))
    const sandbox = await startZonosSandbox({ port: SANDBOX_PORT })
    cleanups.push(() => sandbox.close())
    env.ZONOS_API_URL = sandbox.url
    env.ZONOS_STORE_ID = SANDBOX_STORE_ID
    env.ZONOS_SECRET = SANDBOX_SECRET
    // The sandbox also plays Zonos's hosted checkout page.
    env.ZONOS_CHECKOUT_URL ||= `${sandbox.url}/checkout`
    log(`Zonos sandbox on ${sandbox.url} (store ${SANDBOX_STORE_ID}); control API under ${sandbox.url}/__sandbox/`)
  }
  env.ZONOS_STOREFRONT_SUCCESS_URL ||= `http://localhost:${PORT}/zonos/thank-you`

  log("migrating the database")
  await run(["db:migrate"], env)
  log("seeding the store (region, products, admin user)")
  await run(["exec", "./scripts/seed-dev-store.ts"], env)
  await run(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env, { allowFailure: true, quiet: true })

  // Its own process group: `medusa develop` runs the server in a child process, and the
  // whole group must stop with it.
  const medusa = spawn(MEDUSA_BIN, ["develop"], {
    cwd: ROOT,
    env,
    stdio: ["inherit", "pipe", "inherit"],
    detached: true,
  })
  const signalGroup = (signal) => {
    try {
      process.kill(-medusa.pid, signal)
      return true
    } catch {
      return false // the group is gone
    }
  }
  // Stop the server's whole group and wait until it is gone, before the database stops
  // under it (a server left behind would spin trying to reconnect).
  cleanups.push(async () => {
    signalGroup("SIGTERM")
    const deadline = Date.now() + 10_000
    while (signalGroup(0)) {
      if (Date.now() > deadline) {
        signalGroup("SIGKILL")
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  })
  let announced = false
  medusa.stdout.on("data", (chunk) => {
    process.stdout.write(chunk)
    if (!announced && /Server is ready|Admin URL/.test(String(chunk))) {
      announced = true
      const base = `http://localhost:${PORT}`
      log("")
      log(`Medusa admin:   ${base}/app   (login: ${ADMIN_EMAIL} / ${ADMIN_PASSWORD})`)
      log(`Zonos page:     ${base}/app/zonos`)
      log(`Success page:   ${base}/zonos/success?orderId=999-1001`)
      log(`Zonos sandbox:  ${env.ZONOS_API_URL}`)
      log("Ctrl-C stops the store, the sandbox and the database.")
      demoCheckout(base).then(
        (url) => log(`Whole sale:     open ${url} (Zonos's checkout, played by the sandbox), press Pay: the success page imports the order`),
        (error) => log(`(the demo checkout could not be prepared: ${error instanceof Error ? error.message : error})`)
      )
    }
  })
  medusa.on("exit", (code) => stopAll(code ?? 0))
}

/**
 * A storefront's part of the sale, done once at start: a cart with a demo product shipping to the
 * UK, handed to Zonos Checkout through the plugin's store route. Answers the checkout URL to open.
 */
async function demoCheckout(base) {
  const { publishable_key, region_id } = JSON.parse(require("node:fs").readFileSync(path.join(ROOT, ".medusa", "zonos-demo.json"), "utf8"))
  const call = async (route, body) => {
    const response = await fetch(`${base}${route}`, {
      method: body ? "POST" : "GET",
      headers: { "content-type": "application/json", "x-publishable-api-key": publishable_key },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await response.json()
    if (!response.ok) throw new Error(`${route}: ${json.message ?? response.status}`)
    return json
  }
  const { products } = await call(`/store/products?region_id=${region_id}&fields=id,variants.id`)
  const variantId = products.flatMap((product) => product.variants ?? [])[0]?.id
  if (!variantId) throw new Error("no product to sell")
  const { cart } = await call("/store/carts", {
    region_id,
    email: "demo.shopper@example.com",
    shipping_address: { first_name: "Demo", last_name: "Shopper", address_1: "1 High Street", city: "London", postal_code: "SW1A 1AA", country_code: "gb" },
  })
  await call(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 })
  const { checkout_url } = await call("/store/zonos/checkout", { cart_id: cart.id })
  return checkout_url
}

process.on("SIGINT", () => stopAll(0))
process.on("SIGTERM", () => stopAll(0))
main().catch((error) => {
  console.error(`[dev] ${error instanceof Error ? error.message : error}`)
  stopAll(1)
})
