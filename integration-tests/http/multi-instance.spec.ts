import { spawn } from "node:child_process"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { requireRedisOrSkip } from "../helpers/redis-probe"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(240_000)

// A Redis database of its own: with REDIS_URL the store also puts its event bus and workflow
// engine on Redis, and no other run's jobs may reach this one (the workers suite uses 1-9, by process id; the crash suite 11).
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379/13"
const ROOT = path.join(__dirname, "../..")

const REDIS = requireRedisOrSkip(REDIS_URL, "the multi-instance test")
const itWithRedis = REDIS.available ? it : it.skip

const { sandbox } = useZonosSandbox({ REDIS_URL })

medusaIntegrationTestRunner({
  medusaConfigFile: ROOT,
  testSuite: ({ api, getContainer, dbConfig }) => {
    beforeAll(async () => {
      await seedZonosDemoStore(getContainer())
    })

    itWithRedis(`makes one Medusa order when two instances sharing Redis locking import the same order at once${REDIS.skipNote}`, async () => {
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
        .graph({ entity: "zonos_order", fields: ["state", "order.id"], filters: { zonos_order_number: "1002" } })
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
