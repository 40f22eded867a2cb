import { spawnSync } from "node:child_process"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { SANDBOX_SECRET } from "../../src/sandbox"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120_000)

const { sandbox } = useZonosSandbox()

medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    it("boots the development store with the plugin, whose client reads an order from the sandbox", async () => {
      const zonos = getContainer().resolve<ZonosModuleService>(ZONOS_MODULE)
      const order = await zonos.client.orderDetail({ orderId: "999-1001" })
      expect(order).toEqual(
        expect.objectContaining({ orderId: "999-1001", countryCode: "GB", orderStatus: "IGLOBAL_ORDER_IN_PROCESS" })
      )
      expect(sandbox().calls().orderDetail).toBe(1)
      expect(JSON.stringify(zonos.getSettings())).not.toContain(SANDBOX_SECRET)
    })

    it("warns on the connection panel while no region sells in USD (every import would fail)", async () => {
      const admin = await createAdminHeaders(getContainer())
      const before = await api.get("/admin/zonos/connection", admin)
      expect(before.data.region_warning).toMatch(/^No region sells in USD/)
      await seedZonosDemoStore(getContainer())
      const after = await api.get("/admin/zonos/connection", admin)
      expect(after.data.region_warning).toBeNull()
    })
  },
})

describe("booting without a secret", () => {
  const server = `postgres://${process.env.DB_USERNAME ?? "postgres"}:${process.env.DB_PASSWORD ?? ""}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}`
  const database = `${server}/zonos_boot_check`

  beforeAll(async () => {
    const client = new Client({ connectionString: `${server}/postgres` })
    await client.connect()
    const { rowCount } = await client.query("select 1 from pg_database where datname = 'zonos_boot_check'")
    if (!rowCount) await client.query("create database zonos_boot_check")
    await client.end()
  })

  it("stops with one line naming the option", () => {
    const root = path.join(__dirname, "../..")
    const run = spawnSync(process.execPath, [path.join(root, "node_modules/@medusajs/cli/cli.js"), "db:migrate", "--skip-links"], {
      cwd: root,
      // As on a merchant's console (the test env logs JSON lines instead).
      env: { ...process.env, DATABASE_URL: database, ZONOS_SECRET: "", ZONOS_STORE_ID: "999", NODE_OPTIONS: "", NODE_ENV: "development", LOG_LEVEL: "info" },
      encoding: "utf8",
      timeout: 90_000,
    })
    const output = `${run.stdout}\n${run.stderr}`
    expect(run.status).not.toBe(0)
    expect(output).toContain('medusa-plugin-zonos: invalid option "secret": secret is required')
    // The first error line a merchant sees is the plugin's own sentence, before Medusa's traces.
    const firstError = output
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .find((line) => line.startsWith("error:"))
    expect(firstError?.replace(/^error:\s+/, "")).toBe('medusa-plugin-zonos: invalid option "secret": secret is required')
  })
})
