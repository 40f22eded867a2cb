import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort, prepareBuildCopy } from "../integration-tests/browser/browser-store"
import { databaseUrl, withAdminClient } from "../integration-tests/helpers/test-database"

/**
 * The development store as the bench runs it: a fresh scratch database (migrated, seeded, an
 * admin user), `medusa build` of a copy of the store with the bench's own routes added
 * (bench/store/api, never part of the plugin), then `medusa start` processes from that build,
 * each in its own process group so nothing outlives the bench.
 */

const ROOT = path.resolve(__dirname, "..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
export const BENCH_LOG_DIR = path.join(os.tmpdir(), `medusa-plugin-zonos-bench-logs-${process.pid}`)
export const ADMIN_EMAIL = "admin@example.com"
export const ADMIN_PASSWORD = "supersecret"

const children = new Set<ChildProcess>()
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}
process.once("exit", () => {
  for (const child of children) killGroup(child, "SIGKILL")
})

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-30).join("\n")
  } catch {
    return ""
  }
}

function runMedusa(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const logFile = path.join(BENCH_LOG_DIR, `${name}.log`)
  const out = fs.openSync(logFile, "w")
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, { cwd, env, stdio: ["ignore", out, out], detached: true })
    children.add(child)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      children.delete(child)
      fs.closeSync(out)
      if (code === 0) return resolve((Date.now() - started) / 1000)
      reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit ${code}`}); see ${logFile}:\n${tail(logFile)}`))
    })
  })
}

export type BenchServer = { url: string; pid: number; logFile: string; stop: () => Promise<void> }

export type BenchStore = {
  databaseName: string
  buildDir: string
  start: (name: string, env: Record<string, string>) => Promise<BenchServer>
  destroy: () => Promise<void>
}

export async function prepareBenchStore(env: Record<string, string>, log: (line: string) => void): Promise<BenchStore> {
  fs.mkdirSync(BENCH_LOG_DIR, { recursive: true })
  const databaseName = `zonos_bench_${process.pid}`
  const buildDir = path.join(os.tmpdir(), `medusa-plugin-zonos-bench-${process.pid}`)
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...env, DATABASE_URL: databaseUrl(databaseName), MEDUSA_ADMIN_DISABLED: "true" }
  for (const key of ["REDIS_URL", "MEDUSA_WORKER_MODE", "NODE_OPTIONS", "TEST_TYPE", "JEST_WORKER_ID"]) delete baseEnv[key]
  const servers = new Set<ChildProcess>()

  const destroy = async () => {
    for (const server of servers) killGroup(server, "SIGKILL")
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).catch((error) =>
      log(`could not drop ${databaseName}: ${error instanceof Error ? error.message : error}`)
    )
    fs.rmSync(buildDir, { recursive: true, force: true })
  }

  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${databaseName}"`)
  })
  prepareBuildCopy(buildDir, { admin: false })
  fs.cpSync(path.join(__dirname, "store", "api"), path.join(buildDir, "src", "api"), { recursive: true })
  const build = runMedusa("build", ["build"], buildDir, { ...baseEnv, NODE_ENV: "production" }).then((seconds) =>
    log(`medusa build (backend + bench routes) took ${seconds.toFixed(0)} s`)
  )
  const database = (async () => {
    const dbEnv = { ...baseEnv, NODE_ENV: "test" }
    const migrated = await runMedusa("db-migrate", ["db:migrate"], ROOT, dbEnv)
    await runMedusa("seed", ["exec", "./scripts/seed-dev-store.ts"], ROOT, dbEnv)
    await runMedusa("user", ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], ROOT, dbEnv)
    log(`db:migrate took ${migrated.toFixed(0)} s; seeded; admin user made`)
  })()
  build.catch(() => undefined)
  database.catch(() => undefined)
  try {
    await Promise.all([build, database])
  } catch (error) {
    await destroy()
    throw error
  }
  const serverDir = path.join(buildDir, ".medusa", "server")
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(serverDir, "node_modules"), "dir")

  const start = async (name: string, extraEnv: Record<string, string>): Promise<BenchServer> => {
    const port = await freePort()
    const url = `http://localhost:${port}`
    const logFile = path.join(BENCH_LOG_DIR, `${name}.log`)
    const out = fs.openSync(logFile, "w")
    const started = Date.now()
    const server = spawn(MEDUSA_BIN, ["start"], {
      cwd: serverDir,
      env: { ...baseEnv, ...extraEnv, NODE_ENV: "test", PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", out, out],
      detached: true,
    })
    fs.closeSync(out)
    servers.add(server)
    children.add(server)
    server.once("exit", () => {
      servers.delete(server)
      children.delete(server)
    })
    const deadline = Date.now() + 180_000
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(`medusa start exited (${server.exitCode ?? server.signalCode}); see ${logFile}:\n${tail(logFile)}`)
      }
      const healthy = await fetch(`${url}/health`).then(
        (response) => response.ok,
        () => false
      )
      if (healthy) break
      if (Date.now() > deadline) {
        killGroup(server, "SIGKILL")
        throw new Error(`medusa start did not answer /health within 180 s; see ${logFile}:\n${tail(logFile)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    log(`${name} answered after ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const pid = server.pid
    if (!pid) throw new Error("medusa start has no pid")
    return {
      url,
      pid,
      logFile,
      stop: async () => {
        const force = setTimeout(() => killGroup(server, "SIGKILL"), 10_000)
        const exited = new Promise<void>((resolve) =>
          server.exitCode !== null || server.signalCode !== null ? resolve() : server.once("exit", () => resolve())
        )
        killGroup(server, "SIGTERM")
        await exited
        clearTimeout(force)
      },
    }
  }

  return { databaseName, buildDir, start, destroy }
}
