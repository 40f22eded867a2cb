import { Client } from "pg"
import { normalizeZonosOrderId } from "../../src/modules/zonos/client"
import { SANDBOX_SECRET, SANDBOX_STORE_ID, startZonosSandbox, ZonosSandbox } from "../../src/sandbox"
import { CrashServer, CrashStore, ADMIN_EMAIL, ADMIN_PASSWORD, prepareCrashStore } from "../crash/crash-store"
import { requireRedisOrSkip } from "../helpers/redis-probe"
import { dbSettings } from "../helpers/test-database"

/**
 * The production layout, run for real: a built store as two processes, a server
 * (MEDUSA_WORKER_MODE=server: HTTP only) and a worker (MEDUSA_WORKER_MODE=worker: the scheduled
 * job and the event bus's jobs), sharing one Redis (event bus, workflow engine, locking) and one
 * PostgreSQL. The sweep started on the server is imported by the worker; a worker killed with
 * SIGKILL mid-sweep loses nothing (BullMQ hands its jobs to the next worker); a backfill from the
 * command line draws its progress and, interrupted, is resumed by running it again.
 *
 * Needs Redis: reported skipped without one, failed with REQUIRE_REDIS=1. A Redis database of
 * its own (index from the process id) so no other run's jobs reach these processes.
 */

jest.setTimeout(600_000)

const log = (line: string) => process.stdout.write(`[workers] ${line}\n`)

const REDIS_BASE = process.env.WORKERS_REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_URL = `${REDIS_BASE}/${1 + (process.pid % 9)}`
const REDIS = requireRedisOrSkip(REDIS_BASE, "the workers suite")
const describeWithRedis = REDIS.available ? describe : describe.skip

const LATENCY_MS = 80
const STORE_ENV = {
  ZONOS_STORE_ID: SANDBOX_STORE_ID,
  ZONOS_SECRET: SANDBOX_SECRET,
  ZONOS_TIMEOUT_MS: "5000",
  ZONOS_MAX_RETRIES: "2",
  ZONOS_SUCCESS_PAGE_WAIT_MS: "3000",
  ZONOS_SUCCESS_PAGE_MAX_IN_FLIGHT: "20",
  ZONOS_STOREFRONT_SUCCESS_URL: "https://shop.example/thank-you",
  // The scheduled sweep must not start in the middle of a test: once a day, at an odd hour.
  ZONOS_SWEEP_SCHEDULE: "17 4 * * *",
  REDIS_URL,
}
const BACKFILL_SCRIPT = "./src/scripts/zonos-backfill.js"
const DAY_MS = 24 * 60 * 60 * 1000

let sandbox: ZonosSandbox
let store: CrashStore
let server: CrashServer
let worker: CrashServer | undefined
let db: Client
let token = ""

async function admin(method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
  })
  return { status: response.status, body: await response.json() }
}

type SweepBody = { id: string; status: string; total: number | null; done?: number; counts: Record<string, number> | null; error: string | null }

async function sweepRow(sweepId: string): Promise<SweepBody> {
  const { body } = await admin("GET", `/admin/zonos/sweeps/${sweepId}`)
  return body.zonos_sweep
}

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > giveUpAt) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Every Zonos order of `ids` is one zonos_order row linked to exactly one Medusa order, and no order is unlinked. */
async function expectEachImportedOnce(ids: string[]) {
  const { rows } = await db.query(
    `select z.zonos_order_number, count(distinct l.order_id)::int as orders, count(distinct z.id)::int as rows
       from zonos_order z left join zonos_zonos_order_order_order l on l.zonos_order_id = z.id and l.deleted_at is null
      where z.zonos_order_number = any($1) and z.deleted_at is null group by z.zonos_order_number`,
    [ids]
  )
  expect(rows).toHaveLength(ids.length)
  for (const row of rows) expect({ id: row.zonos_order_number, orders: row.orders, rows: row.rows }).toEqual({ id: row.zonos_order_number, orders: 1, rows: 1 })
  const { rows: unlinked } = await db.query(
    `select count(*)::int as n from "order" o where o.deleted_at is null
        and not exists (select 1 from zonos_zonos_order_order_order l where l.order_id = o.id and l.deleted_at is null)`
  )
  // No half-made order: every Medusa order is some Zonos order's.
  expect(unlinked[0].n).toBe(0)
}

/** Adds orders at Zonos; answers their normalised numbers ("1001"), as the plugin's rows hold them. */
function addOrders(count: number, orderDate?: number): string[] {
  return Array.from({ length: count }, () => normalizeZonosOrderId(String(sandbox.addOrder(orderDate ? { orderDate } : {}).orderId)))
}

async function startWorker(): Promise<CrashServer> {
  worker = await store.start({ ...STORE_ENV, ZONOS_API_URL: sandbox.url, MEDUSA_WORKER_MODE: "worker" })
  return worker
}

describeWithRedis(`server + worker on Redis${REDIS.skipNote}`, () => {
  beforeAll(async () => {
    await resetRedisDatabase(REDIS_URL)
    sandbox = await startZonosSandbox({ port: 0, seed: false })
    sandbox.setFaults({ latencyMs: LATENCY_MS })
    store = await prepareCrashStore({ ...STORE_ENV, ZONOS_API_URL: sandbox.url }, log)
    db = new Client({ ...dbSettings(), database: store.databaseName })
    await db.connect()
    server = await store.start({ ...STORE_ENV, ZONOS_API_URL: sandbox.url, MEDUSA_WORKER_MODE: "server" })
    await startWorker()
    const login = await fetch(`${server.url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    token = (await login.json()).token
  })

  afterAll(async () => {
    await db?.end().catch(() => undefined)
    await store?.destroy()
    await sandbox?.close()
  })

  it("answers the admin's sweep with 202 at once; the worker imports 50 orders, each once, racing success-page hits on the server", async () => {
    const ids = addOrders(50)
    const started = Date.now()
    const posted = await admin("POST", "/admin/zonos/sweeps")
    const answeredIn = Date.now() - started
    expect(posted.status).toBe(202)
    expect(posted.body.zonos_sweep).toEqual(expect.objectContaining({ status: "running", trigger: "admin", total: 50 }))
    log(`POST /admin/zonos/sweeps answered 202 in ${answeredIn} ms`)
    // At once: the listing and the hand-out, not 50 imports (~20 s here).
    expect(answeredIn).toBeLessThan(10_000)
    const sweepId = posted.body.zonos_sweep.id

    // Shoppers land on the success page of 10 of them while the worker imports them.
    const hits = ids.slice(20, 30).flatMap((id) =>
      [1, 2].map(() => fetch(`${server.url}/zonos/success?orderId=999-${id}`, { redirect: "manual" }).then((r) => r.status))
    )
    const listed = await admin("GET", "/admin/zonos/sweeps?limit=1")
    expect(listed.body.zonos_sweeps[0]).toEqual(expect.objectContaining({ id: sweepId, status: "running", total: 50 }))

    const ended = await waitUntil(() => sweepRow(sweepId), (sweep) => sweep.status !== "running", 240_000, "the sweep")
    expect(await Promise.all(hits)).toEqual(Array(20).fill(303))
    expect(ended).toEqual(expect.objectContaining({ status: "succeeded", total: 50, done: 50 }))
    expect(ended.counts).toEqual(expect.objectContaining({ listed: 50, imported: 50, failed: 0, not_in_medusa: 0 }))
    await expectEachImportedOnce(ids)
    // The server imported only what the success page asked for: the sweep's orders went to the worker.
    const { rows } = await db.query(`select count(*)::int as n from zonos_order where zonos_order_number = any($1)`, [ids])
    expect(rows[0].n).toBe(50)
  })

  it("loses nothing when the worker is killed mid-sweep: another worker imports the rest, no duplicate, no half-made order", async () => {
    const ids = addOrders(40)
    const posted = await admin("POST", "/admin/zonos/sweeps")
    expect(posted.status).toBe(202)
    const sweepId = posted.body.zonos_sweep.id
    await waitUntil(() => sweepRow(sweepId), (sweep) => (sweep.done ?? 0) >= 8, 120_000, "the first orders")
    await worker?.kill()
    const atKill = await sweepRow(sweepId)
    log(`worker killed with ${atKill.done} of ${atKill.total} handled`)
    expect(atKill.status).toBe("running")

    const restarted = Date.now()
    await startWorker()
    // BullMQ gives the dead worker's jobs to the new one once their lock expires (30 s).
    const ended = await waitUntil(() => sweepRow(sweepId), (sweep) => sweep.status !== "running", 240_000, "the sweep")
    log(`the new worker finished the sweep ${((Date.now() - restarted) / 1000).toFixed(0)} s after it started`)
    expect(ended).toEqual(expect.objectContaining({ status: "succeeded", total: 40, done: 40 }))
    await expectEachImportedOnce(ids)
  })

  it("backfills from the command line with a progress bar; interrupted, a second run resumes it and imports every order once", async () => {
    // 60 days ago: past the regular sweep's 14-day window, only a backfill finds them.
    const ids = addOrders(30, Date.now() - 60 * DAY_MS)
    const since = new Date(Date.now() - 61 * DAY_MS).toISOString().slice(0, 10)
    const env = { ...STORE_ENV, ZONOS_API_URL: sandbox.url }

    const refused = store.exec(BACKFILL_SCRIPT, ["2999-01-01"], env)
    expect(await refused.exited).not.toBe(0)
    expect(refused.output()).toContain("since_date 2999-01-01 is in the future")

    const first = store.exec(BACKFILL_SCRIPT, [since], env)
    await waitUntil(
      async () => (await db.query(`select count(*)::int as n from zonos_order where zonos_order_number = any($1) and state = 'imported'`, [ids])).rows[0].n,
      (imported: number) => imported >= 5,
      180_000,
      "the first backfill's imports"
    )
    // Everything stops: the command and the worker.
    await Promise.all([first.kill(), worker?.kill()])
    const [interrupted] = (await db.query(`select id, status, total from zonos_sweep where trigger = 'backfill' order by started_at desc limit 1`)).rows
    expect(interrupted).toEqual(expect.objectContaining({ status: "running", total: 30 }))

    await startWorker()
    const second = store.exec(BACKFILL_SCRIPT, [since], env)
    const code = await second.exited
    const output = second.output()
    log(`second backfill run:\n${output.split("\n").filter((line) => /backfill|orders/i.test(line)).slice(-6).join("\n")}`)
    expect(code).toBe(0)
    expect(output).toContain(`Resuming the backfill ${interrupted.id}`)
    expect(output).toMatch(/Zonos backfill \|.*\| \d+\/30 orders/)
    if (!output.includes(`Backfill ${interrupted.id} succeeded`)) {
      // What the merchant would open in the admin: why the orders the backfill names are not in Medusa.
      const { rows } = await db.query(
        `select z.zonos_order_number, z.state, z.attempts, z.last_error, z.history, i.outcome, i.handled_at
           from zonos_sweep_item i left join zonos_order z on z.zonos_order_number = i.zonos_order_number
          where i.sweep_id = $1 and (i.outcome is distinct from 'imported')`,
        [interrupted.id]
      )
      log(`orders of the backfill not imported: ${JSON.stringify(rows, null, 1)}`)
    }
    expect(output).toContain(`Backfill ${interrupted.id} succeeded`)
    await expectEachImportedOnce(ids)
    expect(first.output()).toMatch(/\d+\/30 orders/)
  })
})

/** Empties this suite's own Redis database (never another's: the index is this run's). */
async function resetRedisDatabase(url: string): Promise<void> {
  const net = await import("node:net")
  const { hostname, port, pathname } = new URL(url)
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) }, () =>
      socket.write(`SELECT ${pathname.replace("/", "")}\r\nFLUSHDB\r\n`)
    )
    let answer = ""
    socket.setTimeout(2000, () => reject(new Error(`Redis at ${url} did not answer`)))
    socket.on("data", (data) => {
      answer += String(data)
      if (answer.split("\r\n").filter(Boolean).length >= 2) {
        socket.end()
        resolve()
      }
    })
    socket.on("error", reject)
  })
}
