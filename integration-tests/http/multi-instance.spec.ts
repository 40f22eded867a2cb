import { spawn, spawnSync } from "node:child_process"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(240_000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const ROOT = path.join(__dirname, "../..")

/**
 * Whether a Redis answers at REDIS_URL, asked before the tests are declared so a machine without
 * one reports the test as skipped (saying why), never as passed. With REQUIRE_REDIS=1 (CI, which
 * has Redis) a missing Redis fails the suite instead.
 */
function redisIsUp(): boolean {
  const { hostname, port } = new URL(REDIS_URL)
  const probe = `
    const socket = require("node:net").connect({ host: ${JSON.stringify(hostname)}, port: ${Number(port || 6379)} }, () => socket.write("PING\\r\\n"))
    socket.setTimeout(1000, () => process.exit(1))
    socket.on("data", (data) => process.exit(String(data).startsWith("+PONG") ? 0 : 1))
    socket.on("error", () => process.exit(1))`
  return spawnSync(process.execPath, ["-e", probe], { timeout: 5000 }).status === 0
}

const REDIS_UP = redisIsUp()
if (!REDIS_UP && process.env.REQUIRE_REDIS === "1") {
  throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_URL}: the multi-instance test cannot run`)
}
const itWithRedis = REDIS_UP ? it : it.skip
const SKIP_REASON = REDIS_UP ? "" : ` (skipped: no Redis at ${REDIS_URL})`

const { sandbox } = useZonosSandbox({ REDIS_URL })

medusaIntegrationTestRunner({
  medusaConfigFile: ROOT,
  testSuite: ({ api, getContainer, dbConfig }) => {
    beforeAll(async () => {
      await seedZonosDemoStore(getContainer())
    })

    itWithRedis(`makes one Medusa order when two instances sharing Redis locking import the same order at once${SKIP_REASON}`, async () => {
      sandbox().resetCalls()
      const second = spawn(
        process.execPath,
        [path.join(ROOT, "node_modules/@medusajs/cli/cli.js"), "exec", "./integration-tests/helpers/import-from-second-instance.ts", "999-1002", "10"],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: dbConfig.clientUrl, NODE_OPTIONS: "", LOG_LEVEL: "error" },
          stdio: ["pipe", "pipe", "pipe"],
        }
      )
      let output = ""
      second.stdout.on("data", (chunk) => (output += chunk))
      second.stderr.on("data", (chunk) => (output += chunk))
      const exited = new Promise<number | null>((resolve) => second.on("exit", resolve))
      await waitFor(() => output.includes("second-instance: ready"), 120_000, () => output)

      second.stdin.write("go\n")
      const hits = await Promise.all(
        Array.from({ length: 10 }, () =>
          api.get("/zonos/success?orderId=999-1002", { maxRedirects: 0, validateStatus: () => true })
        )
      )
      expect(await exited).toBe(0)

      const fromSecond: (string | null)[] = JSON.parse(output.match(/second-instance: (\[.*\])/)![1])
      expect(hits.map((hit) => hit.status)).toEqual(Array(10).fill(303))
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: orders } = await query.graph({ entity: "order", fields: ["id"] })
      expect(orders).toHaveLength(1)
      expect(new Set(fromSecond)).toEqual(new Set([orders[0].id]))
      const [record] = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "zonos_order", fields: ["state", "order.id"], filters: { zonos_order_id: "1002" } })
        .then(({ data }) => data)
      expect(record).toEqual(expect.objectContaining({ state: "imported", order: expect.objectContaining({ id: orders[0].id }) }))
      // The shared lock serialised the 20 imports: the first read Zonos, the rest found the order.
      expect(sandbox().calls().orderDetail).toBe(1)
    })
  },
})

async function waitFor(condition: () => boolean, timeoutMs: number, describe: () => string) {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out; output so far:\n${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
