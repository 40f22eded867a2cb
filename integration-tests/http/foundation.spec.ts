import { spawnSync } from "node:child_process"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { SANDBOX_SECRET } from "../../src/sandbox"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120_000)

const { sandbox } = useZonosSandbox()

medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ getContainer }) => {
    it("boots the development store with the plugin, whose client reads an order from the sandbox", async () => {
      const zonos = getContainer().resolve<ZonosModuleService>(ZONOS_MODULE)
      const order = await zonos.client.orderDetail({ orderId: "999-1001" })
      expect(order).toEqual(
        expect.objectContaining({ orderId: "999-1001", countryCode: "GB", orderStatus: "IGLOBAL_ORDER_IN_PROCESS" })
      )
      expect(sandbox().calls().orderDetail).toBe(1)
      expect(JSON.stringify(zonos.getSettings())).not.toContain(SANDBOX_SECRET)
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
      env: { ...process.env, DATABASE_URL: database, ZONOS_SECRET: "", ZONOS_STORE_ID: "999", NODE_OPTIONS: "" },
      encoding: "utf8",
      timeout: 90_000,
    })
    const output = `${run.stdout}\n${run.stderr}`
    expect(run.status).not.toBe(0)
    expect(output).toContain('medusa-plugin-zonos: invalid option "secret": secret is required')
  })
})
