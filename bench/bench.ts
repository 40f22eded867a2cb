import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { SANDBOX_SECRET, SANDBOX_STORE_ID, startZonosSandbox, ZonosSandbox } from "../src/sandbox"
import { requireRedisOrSkip } from "../integration-tests/helpers/redis-probe"
import { dbSettings } from "../integration-tests/helpers/test-database"
import { ADMIN_EMAIL, ADMIN_PASSWORD, BENCH_LOG_DIR, BenchServer, BenchStore, prepareBenchStore } from "./bench-store"
import { addCpu, CpuUse, cpuText, noCpu, watchCpu } from "./cpu"
import { summariseProfile } from "./profile-summary"

/**
 * `npm run bench`: the plugin against Medusa's own core flows, in one run, on one store process,
 * with the figures issue 11 sets targets for, printed and written to bench/results.md. Sizes can
 * be made smaller for a quick look (BENCH_BACKLOG, BENCH_HISTORY, BENCH_SUCCESS_HITS); the
 * results file is written only at full size. BENCH_CPU_PROFILE=1 takes a CPU profile of the
 * store process during the bare import and during the plugin's sweep, prints where the time
 * went and leaves the profiles for Chrome's DevTools (then no results file: profiling costs).
 */

const ZONOS_LATENCY_MS = 50
const BACKLOG = Number(process.env.BENCH_BACKLOG || 200)
const HISTORY = Number(process.env.BENCH_HISTORY || 2000)
const SUCCESS_HITS = Number(process.env.BENCH_SUCCESS_HITS || 100)
/**
 * The backlog is imported in this many rounds (bare and plugin taking turns at going first). Two
 * of 100: each sweep pays its listing and its ending once (an idle sweep takes about 250 ms), so
 * smaller rounds would charge the plugin a sweep's fixed cost more often than a 200-order backlog does.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2)
/** Orders imported one at a time, bare then by the plugin, for the CPU each import costs. */
const PAIRS = Number(process.env.BENCH_PAIRS || 60)
/** Shopper hits (each after a bare import) made before the counted ones. */
const SUCCESS_WARM_UP = 3
/** The plugin's default sweepConcurrency: the bare import runs as many at a time. */
const CONCURRENCY = 4
const PROFILE = process.env.BENCH_CPU_PROFILE === "1"
/** For a quick look at one part: BENCH_SECTIONS=backlog (or any of pairs,backlog,success,history,workers). */
const ALL_SECTIONS = ["pairs", "backlog", "success", "history", "workers"]
const SECTIONS = new Set((process.env.BENCH_SECTIONS || ALL_SECTIONS.join(",")).split(","))
const FULL_SIZE = BACKLOG === 200 && ROUNDS === 2 && PAIRS === 60 && HISTORY === 2000 && SUCCESS_HITS === 100 && !PROFILE && ALL_SECTIONS.every((name) => SECTIONS.has(name))
const RESULTS_FILE = path.join(__dirname, "results.md")
const DAY_MS = 86_400_000

const lines: string[] = []
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 23)}] ${line}`)
const out = (line = "") => {
  console.log(line)
  lines.push(line)
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN
}
const ms = (value: number) => `${Math.round(value)} ms`
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))

/** VmHWM and VmRSS (kB) of a process and its descendants (the largest of each). */
function memoryOf(pid: number): { hwm: number; rss: number } {
  const pids = [pid]
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1])
      if (pids.includes(ppid)) pids.push(Number(entry))
    } catch {
      // gone
    }
  }
  let hwm = 0
  let rss = 0
  for (const each of pids) {
    try {
      const status = fs.readFileSync(`/proc/${each}/status`, "utf8")
      hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
      rss = Math.max(rss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0))
    } catch {
      // gone
    }
  }
  return { hwm, rss }
}

/** Samples a process's RSS every 500 ms until stopped; answers the peak. */
function watchRss(pid: number) {
  let peak = memoryOf(pid).rss
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss)
  }, 500)
  // A step that fails must not leave the bench waiting on its sampler.
  timer.unref()
  return () => {
    clearInterval(timer)
    return Math.max(peak, memoryOf(pid).rss)
  }
}

async function database<T>(name: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...dbSettings(), database: name })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

type DbCounters = { xact: number; written: number; returned: number }
async function dbCounters(name: string): Promise<DbCounters> {
  return database(name, async (client) => {
    const { rows } = await client.query(
      `SELECT xact_commit + xact_rollback AS xact, tup_inserted + tup_updated + tup_deleted AS written,
              tup_returned + tup_fetched AS returned FROM pg_stat_database WHERE datname = $1`,
      [name]
    )
    return { xact: Number(rows[0].xact), written: Number(rows[0].written), returned: Number(rows[0].returned) }
  })
}

type TableReads = Record<string, { seq_scan: number; seq_tup_read: number; idx_scan: number; idx_tup_fetch: number; rows: number }>
async function zonosTableReads(name: string): Promise<TableReads> {
  return database(name, async (client) => {
    const { rows } = await client.query(
      `SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) AS idx_scan, coalesce(idx_tup_fetch, 0) AS idx_tup_fetch,
              n_live_tup AS rows
         FROM pg_stat_user_tables WHERE relname = 'zonos_order' OR relname LIKE '%zonos_order%order%' ORDER BY relname`
    )
    return Object.fromEntries(
      rows.map((row) => [
        String(row.relname),
        {
          seq_scan: Number(row.seq_scan),
          seq_tup_read: Number(row.seq_tup_read),
          idx_scan: Number(row.idx_scan),
          idx_tup_fetch: Number(row.idx_tup_fetch),
          rows: Number(row.rows),
        },
      ])
    )
  })
}

/**
 * PostgreSQL flushes a backend's table counters at most once a second, an idle connection's
 * within about 10 s, and a busy one's later still: the counters are read once they have stopped
 * moving (the same twice, 3 s apart, after the first 11 s), so no earlier work lands in a delta.
 */
async function settledTableReads(name: string): Promise<TableReads> {
  await sleep(11_000)
  let last = await zonosTableReads(name)
  for (let tries = 0; tries < 10; tries += 1) {
    await sleep(3000)
    const now = await zonosTableReads(name)
    if (JSON.stringify(now) === JSON.stringify(last)) return now
    last = now
  }
  return last
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const body: unknown = await response.json().catch(() => ({}))
  return typeof body === "object" && body !== null && !Array.isArray(body) ? Object.fromEntries(Object.entries(body)) : {}
}

/** The server's JS heap after a full GC, in MB (bench/store/api/bench/memory). */
async function heldHeap(url: string): Promise<number> {
  const memory = await json(await fetch(`${url}/bench/memory`))
  return Number(memory.heap_used_mb)
}

async function adminToken(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const body = await json(response)
  if (typeof body.token !== "string") throw new Error(`admin login failed (${response.status})`)
  return body.token
}

type SweepResult = { seconds: number; sweep: { id: string; status: string; counts: unknown } }

/**
 * Runs a sweep through the admin API and waits for it to end, watching its zonos_sweep row:
 * today's route answers only when the sweep is done, which for a backfill outlasts any HTTP
 * timeout (undici's and Node's are 5 minutes); the fanned-out one (h11a) answers 202 at once.
 */
async function runSweep(store: BenchStore, server: BenchServer, token: string, body: Record<string, unknown> = {}): Promise<SweepResult> {
  const headers = { authorization: `Bearer ${token}`, "Content-Type": "application/json" }
  const started = Date.now()
  const since = new Date(started - 1000)
  let refusal: string | null = null
  const posted = fetch(`${server.url}/admin/zonos/sweeps`, { method: "POST", headers, body: JSON.stringify(body) }).then(
    async (response) => {
      if (response.status !== 200 && response.status !== 202) refusal = `POST /admin/zonos/sweeps answered ${response.status}: ${JSON.stringify(await json(response))}`
    },
    // A connection closed by a timeout: the row still tells how the sweep ends.
    () => undefined
  )
  for (;;) {
    await sleep(250)
    if (refusal) throw new Error(refusal)
    if (!alive(server.pid)) throw new Error(`the server died during a sweep; see ${server.logFile}`)
    const sweep = await database(store.databaseName, async (client) => {
      const { rows } = await client.query("SELECT id, status, counts FROM zonos_sweep WHERE started_at >= $1 ORDER BY started_at DESC LIMIT 1", [since])
      return rows[0] ? { id: String(rows[0].id), status: String(rows[0].status), counts: rows[0].counts } : null
    })
    if (sweep && sweep.status !== "running") {
      const seconds = (Date.now() - started) / 1000
      // Today's route still releases the sweep lock after the row ends: let it answer first.
      await Promise.race([posted, sleep(5000)])
      return { seconds, sweep }
    }
  }
}

/** How many of a sweep's orders were handled in each 5 s from its start: a slow start, a slow end or an even pace. */
async function sweepTimeline(databaseName: string, sweepId: string): Promise<number[]> {
  return database(databaseName, async (client) => {
    const { rows } = await client.query(
      `SELECT floor(extract(epoch FROM i.handled_at - s.started_at) / 5) AS bucket, count(*) AS n
         FROM zonos_sweep_item i JOIN zonos_sweep s ON s.id = i.sweep_id
        WHERE i.sweep_id = $1 AND i.handled_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
      [sweepId]
    )
    const counts: number[] = []
    for (const row of rows) counts[Number(row.bucket)] = Number(row.n)
    return Array.from(counts, (count) => count ?? 0)
  })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function countOf(sweep: { counts: unknown }, key: string): number {
  const counts = sweep.counts
  if (typeof counts !== "object" || counts === null) return 0
  const value = Object.entries(counts).find(([name]) => name === key)?.[1]
  return typeof value === "number" ? value : 0
}

/** Runs `work` under a CPU profile of the store process when BENCH_CPU_PROFILE=1 (bench/store/api/bench/profile). */
async function profiled<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work()
  const post = (body: Record<string, string>) =>
    fetch(`${url}/bench/profile`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then(json)
  await post({ action: "start" })
  const result = await work()
  const file = path.join(BENCH_LOG_DIR, `${name}.cpuprofile`)
  await post({ action: "stop", file })
  for (const line of summariseProfile(file)) log(line)
  return result
}

/**
 * 1. The backlog, in rounds: each round's orders are imported bare and by the plugin's sweep, the
 * two taking turns at going first, so both meet the same machine (a noisy neighbour, the tables'
 * growth, the heap) instead of one running while the other's noise passes.
 */
async function backlogRounds(store: BenchStore, server: BenchServer, token: string, sandbox: ZonosSandbox, idleRss: number) {
  const lines: string[] = []
  const roundSize = Math.ceil(BACKLOG / ROUNDS)
  const bareRun = emptyPathRun()
  const pluginRun = emptyPathRun()
  const bareLatencies: number[] = []
  const sweepCalls: Record<string, number> = {}
  let imported = 0
  let sweepPeak = 0
  for (let round = 0; round < ROUNDS; round += 1) {
    const orders = addOrders(sandbox, roundSize, `backlog${round}`, () => Date.now())
    const bareTurn = async () => {
      log(`round ${round + 1} of ${ROUNDS}: bare core-flow import of ${orders.length} orders, ${CONCURRENCY} at a time`)
      const bare = await measured(store, server, bareRun, () => profiled(server.url, `bare-import-${round + 1}`, () => runBare(server.url, orders, CONCURRENCY)))
      bareRun.seconds += bare.seconds
      bareRun.orders += orders.length
      bareLatencies.push(...bare.latencies)
    }
    const pluginTurn = async () => {
      log(`round ${round + 1} of ${ROUNDS}: plugin sweep of the same ${orders.length} orders`)
      const callsBefore = sandbox.calls()
      const stopRss = watchRss(server.pid)
      const sweep = await measured(store, server, pluginRun, () => profiled(server.url, `plugin-sweep-${round + 1}`, () => runSweep(store, server, token)))
      sweepPeak = Math.max(sweepPeak, stopRss())
      pluginRun.seconds += sweep.seconds
      pluginRun.orders += orders.length
      imported += countOf(sweep.sweep, "imported")
      for (const [call, count] of Object.entries(sandbox.calls())) sweepCalls[call] = (sweepCalls[call] ?? 0) + count - (callsBefore[call] ?? 0)
      log(`sweep timeline, orders handled per 5 s: ${(await sweepTimeline(store.databaseName, sweep.sweep.id)).join(" ")}`)
    }
    if (round % 2 === 0) {
      await bareTurn()
      await pluginTurn()
    } else {
      await pluginTurn()
      await bareTurn()
    }
  }
  const sweepHeap = await heldHeap(server.url)
  const bareRate = bareRun.orders / bareRun.seconds
  const pluginRate = imported / pluginRun.seconds
  const perOrder = (run: PathRun) => ({ xact: run.db.xact / run.orders, written: run.db.written / run.orders })

  lines.push(`## Import rate: ${BACKLOG}-order backlog, ${CONCURRENCY} at a time, one process`)
  lines.push("")
  lines.push(`${ROUNDS} rounds of ${roundSize} new orders; in each, the same orders are imported bare and by the plugin's sweep, the two taking turns at going first. Times and CPU are summed over the rounds.`)
  lines.push("")
  lines.push("| path | orders/s | p50 | p95 | DB transactions / order | rows written / order | Zonos calls |")
  lines.push("|---|---|---|---|---|---|---|")
  lines.push(`| bare core flows (create order, payment collection, mark paid; one orderDetail read) | ${bareRate.toFixed(2)} | ${ms(percentile(bareLatencies, 50))} | ${ms(percentile(bareLatencies, 95))} | ${perOrder(bareRun).xact.toFixed(0)} | ${perOrder(bareRun).written.toFixed(0)} | ${bareRun.orders} orderDetail |`)
  lines.push(`| plugin sweep (${imported} imported, sweep wall time) | ${pluginRate.toFixed(2)} | | | ${perOrder(pluginRun).xact.toFixed(0)} | ${perOrder(pluginRun).written.toFixed(0)} | ${callsText(sweepCalls)} |`)
  lines.push("")
  lines.push(`**Ratio plugin / bare: ${(pluginRate / bareRate).toFixed(2)}x** (target >= 0.9x). Server RSS: ${mb(idleRss)} idle before, peak ${mb(sweepPeak)} during the sweeps.`)
  lines.push("")
  lines.push(`CPU, bare import: ${cpuText(bareRun.cpu)}; ${cpuPerOrder(bareRun.cpu.processes.store, bareRate)}.`)
  lines.push(`CPU, plugin sweep: ${cpuText(pluginRun.cpu)}; ${cpuPerOrder(pluginRun.cpu.processes.store, pluginRate)}.`)
  lines.push("")

  return { lines, sweepPeak, sweepHeap }
}

/**
 * The store CPU one import costs, bare and by the plugin's import workflow, one order at a time
 * and taking turns (bench/store/api/bench/pairs): the per-order cost without the sweep's
 * concurrency, and a ratio a busy host disturbs less than two rates measured a minute apart.
 */
async function cpuPairs(url: string, sandbox: ZonosSandbox): Promise<string[]> {
  const bare: number[] = []
  const plugin: number[] = []
  // Batches of 20: each request stays well inside any HTTP timeout. The first batch is not
  // counted: without the backlog before it (BENCH_SECTIONS=pairs) it warms both paths up.
  for (let done = -20; done < PAIRS; done += 20) {
    // Dated before the backfill's window: the idle sweeps that follow list the same orders as
    // they would without this section (a window of a fifth of the table tips the planner to a
    // sequential scan, which would say nothing about how the sweep scales).
    const ids = addOrders(sandbox, Math.min(20, PAIRS - done), `pair${done}`, () => Date.now() - 20 * DAY_MS)
    const answer = await json(
      await fetch(`${url}/bench/pairs`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ids }) })
    )
    if (!Array.isArray(answer.bare_cpu_ms) || !Array.isArray(answer.plugin_cpu_ms)) throw new Error(`bench/pairs answered ${JSON.stringify(answer)}`)
    if (done < 0) continue
    bare.push(...answer.bare_cpu_ms.map(Number))
    plugin.push(...answer.plugin_cpu_ms.map(Number))
  }
  // A full garbage collection now and then lands on one import of either path (300-500 ms where
  // the rest take 100-150): the 10 % trimmed mean keeps it from deciding the comparison.
  const trimmed = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    const cut = Math.floor(sorted.length / 10)
    const kept = sorted.slice(cut, sorted.length - cut)
    return kept.reduce((sum, value) => sum + value, 0) / kept.length
  }
  const differences = plugin.map((value, index) => value - bare[index])
  log(`pairs, store CPU ms per import: bare ${bare.map(Math.round).join(" ")}; plugin ${plugin.map(Math.round).join(" ")}`)
  return [
    "| path | store CPU per import: trimmed mean | p50 | p95 |",
    "|---|---|---|---|",
    `| bare core flows | ${ms(trimmed(bare))} | ${ms(percentile(bare, 50))} | ${ms(percentile(bare, 95))} |`,
    `| plugin import workflow (lock, record, order, status, write-back) | ${ms(trimmed(plugin))} | ${ms(percentile(plugin, 50))} | ${ms(percentile(plugin, 95))} |`,
    "",
    `${PAIRS} orders, each imported bare and then by the plugin. Plugin minus bare, per pair: median ${ms(percentile(differences, 50))}, ` +
      `trimmed mean ${ms(trimmed(differences))}; **CPU ratio bare / plugin (trimmed means): ${(trimmed(bare) / trimmed(plugin)).toFixed(2)}x**.`,
  ]
}

/** One path's share of the backlog rounds: wall time, orders, CPU and database work, summed. */
type PathRun = { seconds: number; orders: number; cpu: CpuUse; db: { xact: number; written: number } }
const emptyPathRun = (): PathRun => ({ seconds: 0, orders: 0, cpu: noCpu(), db: { xact: 0, written: 0 } })

/** Runs one turn of a path, adding its CPU and database work to the path's sums. */
async function measured<T>(store: BenchStore, server: BenchServer, run: PathRun, work: () => Promise<T>): Promise<T> {
  const before = await dbCounters(store.databaseName)
  const stopCpu = watchCpu({ store: server.pid })
  const result = await work()
  run.cpu = addCpu(run.cpu, stopCpu())
  const after = await dbCounters(store.databaseName)
  run.db.xact += after.xact - before.xact
  run.db.written += after.written - before.written
  return result
}

/** Runs the bare core-flow import of `ids` in the store process (bench/store/api/bench/bare-import). */
async function runBare(url: string, ids: string[], concurrency: number) {
  const started = await json(
    await fetch(`${url}/bench/bare-import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids, concurrency }),
    })
  )
  for (;;) {
    await sleep(250)
    const run = await json(await fetch(`${url}/bench/bare-import?run=${started.run_id}`))
    if (typeof run.elapsed_ms === "number") {
      const failed = Array.isArray(run.failed) ? run.failed.map(String) : []
      if (failed.length) throw new Error(`bare import failed: ${failed.slice(0, 3).join("; ")}`)
      const latencies = Array.isArray(run.latencies_ms) ? run.latencies_ms.map(Number) : []
      return { seconds: run.elapsed_ms / 1000, latencies }
    }
  }
}

function addOrders(sandbox: ZonosSandbox, count: number, label: string, orderDate: (index: number) => number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const order = sandbox.addOrder({ email: `${label}-${index}@bench.example`, orderDate: orderDate(index), orderStatusDate: orderDate(index) })
    return String(order.orderId)
  })
}

const callCount = (sandbox: ZonosSandbox) => Object.values(sandbox.calls()).reduce((sum, count) => sum + count, 0)
/** "orderDetail 200, updateMerchantOrderId 200": the calls the sandbox has counted (or any counts of calls). */
const callsText = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ") || "none"

async function idleSweep(store: BenchStore, server: BenchServer, token: string, sandbox: ZonosSandbox, history: number) {
  // One sweep first settles anything the last step left (write-backs): the measured one is idle.
  await runSweep(store, server, token)
  // Planner statistics as autovacuum keeps them on a store that has had its history for a while
  // (right after a bulk backfill they still describe the empty table).
  await database(store.databaseName, (client) => client.query("ANALYZE"))
  const before = await settledTableReads(store.databaseName)
  sandbox.resetCalls()
  const { seconds, sweep } = await runSweep(store, server, token)
  const calls = callCount(sandbox)
  const called = callsText(sandbox.calls())
  const after = await settledTableReads(store.databaseName)
  const reads = Object.keys(after).map((table) => {
    const b = before[table] ?? { seq_scan: 0, seq_tup_read: 0, idx_scan: 0, idx_tup_fetch: 0 }
    const a = after[table]
    return `${table} (${a.rows} rows): ${a.seq_scan - b.seq_scan} seq scans reading ${a.seq_tup_read - b.seq_tup_read} rows, ` +
      `${a.idx_scan - b.idx_scan} index scans fetching ${a.idx_tup_fetch - b.idx_tup_fetch} rows`
  })
  out(`| ${history} | ${ms(seconds * 1000)} | ${calls} (${called}) | ${reads.join("<br>")} | ${countOf(sweep, "listed")} |`)
}

function machineFacts(postgres: string): string[] {
  const load = os.loadavg().map((value) => value.toFixed(2)).join(" / ")
  return [
    `- CPU: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), RAM ${Math.round(os.totalmem() / 2 ** 30)} GB`,
    `- Node ${process.version}, ${postgres}`,
    `- load average at start (1/5/15 min): ${load}${os.loadavg()[0] > 0.5 ? " — **busy machine** (other work was running): figures are comparative, re-run on a quiet machine for absolute ones" : ""}`,
  ]
}

async function main() {
  const startedAt = Date.now()
  const sandbox = await startZonosSandbox({ port: 0, seed: false })
  sandbox.setFaults({ latencyMs: ZONOS_LATENCY_MS })
  const zonosEnv = {
    ZONOS_API_URL: sandbox.url,
    ZONOS_STORE_ID: SANDBOX_STORE_ID,
    ZONOS_SECRET: SANDBOX_SECRET,
    ZONOS_CHECKOUT_URL: `${sandbox.url}/checkout`,
    ZONOS_TIMEOUT_MS: "10000",
    ZONOS_MAX_RETRIES: "1",
    ZONOS_SUCCESS_PAGE_WAIT_MS: "15000",
    ZONOS_STOREFRONT_SUCCESS_URL: "https://shop.example/checkout/thank-you",
    // The scheduled sweep (every 15 minutes by default) must not start in the middle of a
    // measurement, importing the bare path's orders or refusing the measured sweep with a 409:
    // once a day, twelve hours from now.
    ZONOS_SWEEP_SCHEDULE: `${new Date().getMinutes()} ${(new Date().getHours() + 12) % 24} * * *`,
  }
  let store: BenchStore | undefined
  const servers: BenchServer[] = []
  try {
    log("preparing the store (scratch database, migrations, seed, build)")
    store = await prepareBenchStore(zonosEnv, log)
    const postgres = await database(store.databaseName, async (client) => String((await client.query("SHOW server_version")).rows[0].server_version))
    out("# Benchmark results (`npm run bench`)")
    out()
    out(`Taken ${new Date().toISOString()} on branch \`${gitBranch()}\` (${gitCommit()}).`)
    out()
    out("## Machine")
    for (const line of machineFacts(`PostgreSQL ${postgres}`)) out(line)
    out(`- Zonos: the project's sandbox over HTTP, answering every call after ${ZONOS_LATENCY_MS} ms`)
    out(`- One \`medusa start\` process of a build of the development store (in-memory event bus, workflow engine and locking)`)
    out()

    // --expose-gc lets the bench's memory route collect before it reads what is still held.
    const server = await store.start("server", { NODE_OPTIONS: "--expose-gc" })
    servers.push(server)
    const token = await adminToken(server.url)
    const idleRss = memoryOf(server.pid).rss
    const idleHeap = await heldHeap(server.url)

    // A warm-up of both paths (JIT, connection pool, caches), so neither pays for being first.
    const warmUp = addOrders(sandbox, 2 * CONCURRENCY, "warmup", () => Date.now())
    await runBare(server.url, warmUp, CONCURRENCY)
    await runSweep(store, server, token)

    // 1. The backlog (backlogRounds), then the CPU of one import (cpuPairs) once both paths are warm.
    const backlog = SECTIONS.has("backlog") ? await backlogRounds(store, server, token, sandbox, idleRss) : null
    for (const line of backlog?.lines ?? []) out(line)

    // After the backlog, so both paths are measured warm (the JIT has seen hundreds of each).
    if (SECTIONS.has("pairs")) {
      out(`## CPU per import, one order at a time, bare and plugin taking turns`)
      out()
      for (const line of await cpuPairs(server.url, sandbox)) out(line)
      out()
    }
    if (!SECTIONS.has("success")) return
    // 2. The success page, one shopper at a time, against the bare import one at a time. The two
    // alternate (a bare import of an order, then a shopper's hit on the same order: the bare import
    // leaves no zonos_order row, so the plugin imports it whole), so both are measured in the same
    // state of the process (heap, caches, whatever runs in the background); the first
    // SUCCESS_WARM_UP pairs warm the route up (JIT, its middlewares) and are not counted.
    const shoppers = addOrders(sandbox, SUCCESS_WARM_UP + SUCCESS_HITS, "shopper", () => Date.now())
    const hits: number[] = []
    const bareOne: number[] = []
    const callsDuringHits: Record<string, number> = {}
    for (const [index, id] of shoppers.entries()) {
      const bareLatency = (await runBare(server.url, [id], 1)).latencies[0]
      const callsBefore = sandbox.calls()
      const started = Date.now()
      const response = await fetch(`${server.url}/zonos/success?orderId=${id}`, { redirect: "manual" })
      const hitLatency = Date.now() - started
      if (response.status !== 303) throw new Error(`/zonos/success answered ${response.status}`)
      // The route tells Zonos the display id after it has answered. Shoppers arrive seconds apart,
      // not back to back: the next one comes once that write-back is done (or 5 s have passed),
      // so each hit is measured on its own, as the bare import it is compared with is.
      const settleBy = Date.now() + 5000
      while ((sandbox.calls().updateMerchantOrderId ?? 0) <= (callsBefore.updateMerchantOrderId ?? 0) && Date.now() < settleBy) await sleep(20)
      if (index < SUCCESS_WARM_UP) continue
      hits.push(hitLatency)
      bareOne.push(bareLatency)
      for (const [call, count] of Object.entries(sandbox.calls())) {
        callsDuringHits[call] = (callsDuringHits[call] ?? 0) + count - (callsBefore[call] ?? 0)
      }
    }
    const counted = shoppers.slice(SUCCESS_WARM_UP)
    const imports = await database(store.databaseName, async (client) =>
      Number((await client.query("SELECT count(*) AS n FROM zonos_order WHERE state = 'imported' AND zonos_order_number = ANY($1)", [counted.map((id) => id.split("-")[1])])).rows[0].n)
    )
    const minus = hits.map((value) => value - ZONOS_LATENCY_MS)
    // In the log, not the results: a p95 is a few slow hits, and which ones says whether both paths had them.
    log(`success hits minus Zonos, in order: ${minus.join(", ")} ms; bare: ${bareOne.join(", ")} ms`)
    const bareP95 = percentile(bareOne, 95)
    out(`## Success route, ${SUCCESS_HITS} shoppers one at a time`)
    out()
    out("| | p50 | p95 |")
    out("|---|---|---|")
    out(`| \`GET /zonos/success\` minus the ${ZONOS_LATENCY_MS} ms Zonos read | ${ms(percentile(minus, 50))} | ${ms(percentile(minus, 95))} |`)
    out(`| bare core-flow import of the same order just before (its Zonos read included) | ${ms(percentile(bareOne, 50))} | ${ms(bareP95)} |`)
    out()
    out(`**Success p95 - Zonos / bare p95: ${(percentile(minus, 95) / bareP95).toFixed(2)}x** (target <= 1.2x). ${imports} of ${SUCCESS_HITS} imported by their hit. Zonos calls of the counted hits (write-backs after the response included): ${callsText(callsDuringHits)}.`)
    out()

    // 3. The idle sweep at two history sizes, around a backfill of the older orders.
    out("## Idle sweep (nothing new at Zonos)")
    out()
    out("| orders of history | sweep time | Zonos calls | rows read (pg_stat_user_tables deltas) | listed |")
    out("|---|---|---|---|---|")
    // Every order the store has a row for so far (the pairs' included).
    const firstHistory = await database(store.databaseName, async (client) =>
      Number((await client.query("SELECT count(*) AS n FROM zonos_order WHERE deleted_at IS NULL")).rows[0].n)
    )
    await idleSweep(store, server, token, sandbox, firstHistory)

    const backfillCount = HISTORY - firstHistory
    // Older orders, on the 3rd to 9th day back: outside the idle sweep's window once imported.
    addOrders(sandbox, backfillCount, "history", (index) => Date.now() - (3 + (index % 7)) * DAY_MS - index * 1000)
    const beforeBackfillRss = memoryOf(server.pid).rss
    log(`backfill of ${backfillCount} older orders`)
    const stopBackfillRss = watchRss(server.pid)
    const backfill = await runBackfill(store, server, token)
    const backfillPeak = stopBackfillRss()
    const backfillHeap = await heldHeap(server.url)
    await idleSweep(store, server, token, sandbox, firstHistory + countOf(backfill.sweep, "imported"))
    out()
    out(`## Memory`)
    out()
    out(`- idle after start: ${mb(idleRss)}; peak during the backlog's sweeps: ${backlog ? mb(backlog.sweepPeak) : "not measured"}`)
    out(`- before the backfill: ${mb(beforeBackfillRss)}; peak during the ${backfillCount}-order backfill (${countOf(backfill.sweep, "imported")} imported in ${Math.round(backfill.seconds)} s, ${(countOf(backfill.sweep, "imported") / backfill.seconds).toFixed(2)} orders/s; ${backfill.how}): ${mb(backfillPeak)} (**+${mb(backfillPeak - idleRss)} over idle**, target <= +300 MB)`)
    out(`- server VmHWM at the end: ${mb(memoryOf(server.pid).hwm)}`)
    out(`- JS heap still held after a full GC: ${idleHeap} MB idle, ${backlog?.sweepHeap ?? "(not measured)"} MB after the backlog, ${backfillHeap} MB after the backfill`)
    out()
    await server.stop()
    servers.splice(servers.indexOf(server), 1)

    // 4. Two worker processes against one (needs the fanned-out sweep and a Redis).
    out("## Two worker processes (Redis) against one")
    out()
    for (const line of await workerComparison(store, sandbox)) out(line)
    out()
    out(`Whole bench: ${Math.round((Date.now() - startedAt) / 1000)} s.`)
    if (FULL_SIZE) fs.writeFileSync(RESULTS_FILE, `${lines.join("\n")}\n`)
    else log(`not the full sizes: ${RESULTS_FILE} left as it was`)
  } finally {
    for (const each of servers) await each.stop()
    await store?.destroy()
    await sandbox.close()
  }
}

/**
 * Imports the older orders. The fanned-out sweep takes a backfill window (`since_date`); until
 * it is merged, today's sweep is made to look back its `sweepLookbackDays` (14) by forgetting
 * the cursor of the sweeps before, which is what it does on its first run.
 */
async function runBackfill(store: BenchStore, server: BenchServer, token: string): Promise<SweepResult & { how: string }> {
  const sinceDate = new Date(Date.now() - 10 * DAY_MS).toISOString().slice(0, 10)
  if (storeAccepts(store, "src/api/admin/zonos/sweeps", "since_date")) {
    return { ...(await runSweep(store, server, token, { since_date: sinceDate })), how: `sweep with since_date ${sinceDate}` }
  }
  await database(store.databaseName, (client) => client.query("UPDATE zonos_sweep SET cursor_date = NULL"))
  return { ...(await runSweep(store, server, token)), how: "first-run sweep looking back 14 days (no since_date on this branch)" }
}

/** Whether the built store's source under `dir` mentions `word` (an interface another branch adds). */
function storeAccepts(store: BenchStore, dir: string, word: string): boolean {
  const root = path.join(store.buildDir, dir)
  if (!fs.existsSync(root)) return false
  const files = fs.readdirSync(root, { recursive: true }).map(String).filter((file) => file.endsWith(".ts"))
  return files.some((file) => fs.readFileSync(path.join(root, file), "utf8").includes(word))
}

async function workerComparison(store: BenchStore, sandbox: ZonosSandbox): Promise<string[]> {
  const redisUrl = process.env.BENCH_REDIS_URL || process.env.REDIS_URL || "redis://localhost:6379"
  if (!fs.readFileSync(path.join(store.buildDir, "medusa-config.ts"), "utf8").includes("MEDUSA_WORKER_MODE")) {
    return ["not measured: the sweep does not fan out yet (medusa-config.ts has no MEDUSA_WORKER_MODE on this branch)"]
  }
  if (!requireRedisOrSkip(redisUrl, "the bench's worker comparison").available) {
    return [`not measured: no Redis answers at ${redisUrl} (set BENCH_REDIS_URL)`]
  }
  const rows = [
    "| worker processes | orders | sweep time | orders/s | peak RSS per worker | CPU (cores, averaged over the sweep) |",
    "|---|---|---|---|---|---|",
  ]
  const rates: number[] = []
  const machineBusy: number[] = []
  for (const workers of [1, 2]) {
    const env = { REDIS_URL: redisUrl }
    const started: BenchServer[] = []
    try {
      started.push(await store.start(`server-${workers}w`, { ...env, MEDUSA_WORKER_MODE: "server" }))
      for (let index = 0; index < workers; index += 1) {
        started.push(await store.start(`worker-${workers}w-${index}`, { ...env, MEDUSA_WORKER_MODE: "worker" }))
      }
      const token = await adminToken(started[0].url)
      addOrders(sandbox, BACKLOG, `workers${workers}`, () => Date.now())
      const watches = started.slice(1).map((worker) => watchRss(worker.pid))
      const stopCpu = watchCpu(Object.fromEntries(started.map((each, index) => [index ? `worker ${index}` : "server", each.pid])))
      const { seconds, sweep } = await runSweep(store, started[0], token)
      const cpu = stopCpu()
      machineBusy.push(cpu.machine)
      const peaks = watches.map((stop) => stop())
      const rate = countOf(sweep, "imported") / seconds
      rates.push(rate)
      rows.push(`| ${workers} | ${countOf(sweep, "imported")} | ${Math.round(seconds)} s | ${rate.toFixed(2)} | ${peaks.map(mb).join(", ")} | ${cpuText(cpu)} |`)
    } finally {
      for (const each of started) await each.stop()
    }
  }
  const cores = os.cpus().length
  rows.push(
    "",
    `**Two workers / one: ${(rates[1] / rates[0]).toFixed(2)}x** (target >= 1.6x).`,
    "",
    // A Node process runs its JavaScript on one thread: a worker that keeps it busy is bound by
    // the CPU, and a second worker only gets what the first (and PostgreSQL) left of the machine.
    `With one worker the machine was ${machineBusy[0].toFixed(2)} of ${cores} cores busy, so on this machine two workers could do at most ` +
      `${(cores / machineBusy[0]).toFixed(2)}x one worker's rate, if every added order cost the same CPU; with two, ${machineBusy[1].toFixed(2)} of ${cores} were busy.`
  )
  return rows
}

/** CPU time one order cost the store process. */
function cpuPerOrder(cores: number, ordersPerSecond: number): string {
  return `${Math.round((cores / ordersPerSecond) * 1000)} ms of store CPU per order`
}

function gitBranch(): string {
  return execFileSync("git", ["rev-parse", "--abbrev-ref", "HEAD"], { cwd: __dirname, encoding: "utf8" }).trim()
}
function gitCommit(): string {
  return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: __dirname, encoding: "utf8" }).trim()
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error)
  process.exitCode = 1
})
