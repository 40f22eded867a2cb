import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { databaseUrl, withAdminClient } from "../helpers/test-database"
import { freePort, prepareBuildCopy } from "../browser/browser-store"

/**
 * The development store for the crash suite, deployed as in production and killed like a
 * production process: a fresh database (migrated, seeded, an admin user), `medusa build` of the
 * backend (no admin dashboard: the suite needs none) in a copy of the store, then `medusa start`
 * from the build, in its own process group so SIGKILL takes the whole of it at once. The server
 * can be started again on the same database as often as the suite kills it; each start is a
 * few seconds, the build is paid once. (The same approach as integration-tests/browser.)
 */

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
export const CRASH_LOG_DIR = path.join(ROOT, "test-artifacts", "crash-logs")
export const ADMIN_EMAIL = "admin@example.com"
export const ADMIN_PASSWORD = "supersecret"


function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
  })
}

/** Every child this module started, so none outlives the test process. */
const children = new Set<ChildProcess>()
process.once("exit", () => {
  for (const child of children) killGroup(child, "SIGKILL")
})

function runMedusa(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const logFile = path.join(CRASH_LOG_DIR, `${name}.log`)
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

export type CrashServer = {
  url: string
  /** SIGKILL to the whole process group, as when a machine or container dies. */
  kill: () => Promise<void>
  /** A clean stop (SIGTERM, then SIGKILL after 10 s). */
  stop: () => Promise<void>
}

/** A `medusa exec` of the built store, running in its own process group. */
export type CrashScript = {
  /** Everything it printed so far (stdout and stderr). */
  output: () => string
  /** Its exit code (null when killed). */
  exited: Promise<number | null>
  /** SIGKILL to its whole process group. */
  kill: () => Promise<void>
}

export type CrashStore = {
  databaseName: string
  databaseUrl: string
  /** Starts `medusa start` on the store's database, with `env` (ZONOS_* settings) on top. */
  start: (env: Record<string, string>) => Promise<CrashServer>
  /** Runs `medusa exec <script> ...args` from the build (a script the plugin ships, e.g. src/scripts/zonos-backfill.js). */
  exec: (script: string, args: string[], env: Record<string, string>) => CrashScript
  /** Stops every server, drops the database, removes the build. */
  destroy: () => Promise<void>
}

/** Creates the database and the build (in parallel); `env` is what the seed needs to load the config. */
export async function prepareCrashStore(env: Record<string, string>, log: (line: string) => void): Promise<CrashStore> {
  fs.mkdirSync(CRASH_LOG_DIR, { recursive: true })
  const databaseName = `zonos_crash_${process.pid}`
  const buildDir = path.join(os.tmpdir(), `medusa-plugin-zonos-crash-${process.pid}`)
  const url = databaseUrl(databaseName)
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...env, DATABASE_URL: url, MEDUSA_ADMIN_DISABLED: "true" }
  // Settings meant for other runs must not reach the store.
  for (const key of ["REDIS_URL", "NODE_OPTIONS", "TEST_TYPE", "JEST_WORKER_ID"]) delete baseEnv[key]
  const servers = new Set<ChildProcess>()
  let startCount = 0

  const destroy = async () => {
    for (const server of servers) killGroup(server, "SIGKILL")
    await Promise.all([...servers].map(exited))
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).catch(
      (error) => log(`could not drop ${databaseName}: ${error instanceof Error ? error.message : error}`)
    )
    fs.rmSync(buildDir, { recursive: true, force: true })
  }

  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${databaseName}"`)
  })
  prepareBuildCopy(buildDir, { admin: false })
  const build = runMedusa("build", ["build"], buildDir, { ...baseEnv, NODE_ENV: "production" }).then((seconds) =>
    log(`medusa build (backend only) took ${seconds.toFixed(0)} s`)
  )
  const database = (async () => {
    const dbEnv = { ...baseEnv, NODE_ENV: "test" }
    const migrated = await runMedusa("db-migrate", ["db:migrate"], ROOT, dbEnv)
    const seeded = await runMedusa("seed", ["exec", "./scripts/seed-dev-store.ts"], ROOT, dbEnv)
    const user = await runMedusa("user", ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], ROOT, dbEnv)
    log(`db:migrate ${migrated.toFixed(0)} s, seed ${seeded.toFixed(0)} s, admin user ${user.toFixed(0)} s`)
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

  const start = async (env: Record<string, string>): Promise<CrashServer> => {
    const port = await freePort()
    const serverUrl = `http://localhost:${port}`
    startCount += 1
    const logFile = path.join(CRASH_LOG_DIR, `server-${startCount}.log`)
    const out = fs.openSync(logFile, "w")
    const started = Date.now()
    // NODE_ENV=test, as the browser suite: production mode would want https for the session cookie.
    const server = spawn(MEDUSA_BIN, ["start"], {
      cwd: serverDir,
      env: { ...baseEnv, ...env, NODE_ENV: "test", PORT: String(port), LOG_LEVEL: "info" },
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
    const deadline = Date.now() + 120_000
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(`medusa start exited (${server.exitCode ?? server.signalCode}); see ${logFile}:\n${tail(logFile)}`)
      }
      const healthy = await fetch(`${serverUrl}/health`).then(
        (response) => response.ok,
        () => false
      )
      if (healthy) break
      if (Date.now() > deadline) {
        killGroup(server, "SIGKILL")
        throw new Error(`medusa start did not answer /health within 120 s; see ${logFile}:\n${tail(logFile)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    log(`server ${startCount} answered after ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return {
      url: serverUrl,
      kill: async () => {
        killGroup(server, "SIGKILL")
        await exited(server)
      },
      stop: async () => {
        const force = setTimeout(() => killGroup(server, "SIGKILL"), 10_000)
        killGroup(server, "SIGTERM")
        await exited(server)
        clearTimeout(force)
      },
    }
  }

  const exec = (script: string, args: string[], env: Record<string, string>): CrashScript => {
    const child = spawn(MEDUSA_BIN, ["exec", script, ...args], {
      cwd: serverDir,
      env: { ...baseEnv, ...env, NODE_ENV: "test", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    children.add(child)
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    const exitedPromise = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => {
        children.delete(child)
        resolve(code)
      })
    )
    return {
      output: () => output,
      exited: exitedPromise,
      kill: async () => {
        killGroup(child, "SIGKILL")
        await exited(child)
      },
    }
  }

  return { databaseName, databaseUrl: url, start, exec, destroy }
}
