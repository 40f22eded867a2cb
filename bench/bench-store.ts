import { ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort, prepareBuildCopy } from "../integration-tests/browser/browser-store"
import { killGroup, runMedusa, startMedusaServer, stopGroup } from "../integration-tests/helpers/medusa-process"
import { databaseUrl, withAdminClient } from "../integration-tests/helpers/test-database"

/**
 * The development store as the bench runs it: a fresh scratch database (migrated, seeded, an
 * admin user), `medusa build` of a copy of the store with the bench's own routes added
 * (bench/store/api, never part of the plugin), then `medusa start` processes from that build,
 * each in its own process group so nothing outlives the bench.
 */

const ROOT = path.resolve(__dirname, "..")
export const BENCH_LOG_DIR = path.join(os.tmpdir(), `medusa-plugin-zonos-bench-logs-${process.pid}`)
export const ADMIN_EMAIL = "admin@example.com"
export const ADMIN_PASSWORD = "supersecret"

const logPath = (name: string) => path.join(BENCH_LOG_DIR, `${name}.log`)

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
  const build = runMedusa(["build"], buildDir, { ...baseEnv, NODE_ENV: "production" }, logPath("build")).then((seconds) =>
    log(`medusa build (backend + bench routes) took ${seconds.toFixed(0)} s`)
  )
  const database = (async () => {
    const dbEnv = { ...baseEnv, NODE_ENV: "test" }
    const migrated = await runMedusa(["db:migrate"], ROOT, dbEnv, logPath("db-migrate"))
    await runMedusa(["exec", "./scripts/seed-dev-store.ts"], ROOT, dbEnv, logPath("seed"))
    await runMedusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], ROOT, dbEnv, logPath("user"))
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
    const logFile = logPath(name)
    const { server, url, seconds } = await startMedusaServer({
      serverDir,
      env: { ...baseEnv, ...extraEnv, NODE_ENV: "test", LOG_LEVEL: "warn" },
      port: await freePort(),
      logFile,
      timeoutMs: 180_000,
    })
    servers.add(server)
    server.once("exit", () => servers.delete(server))
    log(`${name} answered after ${seconds.toFixed(1)} s`)
    const pid = server.pid
    if (!pid) throw new Error("medusa start has no pid")
    return { url, pid, logFile, stop: () => stopGroup(server) }
  }

  return { databaseName, buildDir, start, destroy }
}
