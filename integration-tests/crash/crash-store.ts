import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { databaseUrl, withAdminClient } from "../helpers/test-database"
import { freePort, prepareBuildCopy } from "../browser/browser-store"
import { exited, killGroup, MEDUSA_BIN, runMedusa, startMedusaServer, stopGroup, trackChild } from "../helpers/medusa-process"

/**
 * The development store for the crash suite, deployed as in production and killed like a
 * production process: a fresh database (migrated, seeded, an admin user), `medusa build` of the
 * backend (no admin dashboard: the suite needs none) in a copy of the store, then `medusa start`
 * from the build, in its own process group so SIGKILL takes the whole of it at once. The server
 * can be started again on the same database as often as the suite kills it; each start is a
 * few seconds, the build is paid once. (The same approach as integration-tests/browser.)
 */

const ROOT = path.resolve(__dirname, "../..")
export const CRASH_LOG_DIR = path.join(ROOT, "test-artifacts", "crash-logs")
export const ADMIN_EMAIL = "admin@example.com"
export const ADMIN_PASSWORD = "supersecret"
const logPath = (name: string) => path.join(CRASH_LOG_DIR, `${name}.log`)


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
  const build = runMedusa(["build"], buildDir, { ...baseEnv, NODE_ENV: "production" }, logPath("build")).then((seconds) =>
    log(`medusa build (backend only) took ${seconds.toFixed(0)} s`)
  )
  const database = (async () => {
    const dbEnv = { ...baseEnv, NODE_ENV: "test" }
    const migrated = await runMedusa(["db:migrate"], ROOT, dbEnv, logPath("db-migrate"))
    const seeded = await runMedusa(["exec", "./scripts/seed-dev-store.ts"], ROOT, dbEnv, logPath("seed"))
    const user = await runMedusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], ROOT, dbEnv, logPath("user"))
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
    startCount += 1
    // NODE_ENV=test, as the browser suite: production mode would want https for the session cookie.
    const { server, url: serverUrl, seconds } = await startMedusaServer({
      serverDir,
      env: { ...baseEnv, ...env, NODE_ENV: "test", LOG_LEVEL: "info" },
      port: await freePort(),
      logFile: logPath(`server-${startCount}`),
      timeoutMs: 120_000,
    })
    servers.add(server)
    server.once("exit", () => servers.delete(server))
    log(`server ${startCount} answered after ${seconds.toFixed(1)} s`)
    return {
      url: serverUrl,
      kill: async () => {
        killGroup(server, "SIGKILL")
        await exited(server)
      },
      stop: () => stopGroup(server),
    }
  }

  let execCount = 0
  const exec = (script: string, args: string[], env: Record<string, string>): CrashScript => {
    const child = spawn(MEDUSA_BIN, ["exec", script, ...args], {
      cwd: serverDir,
      env: { ...baseEnv, ...env, NODE_ENV: "test", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    trackChild(child)
    let output = ""
    // Also kept as a file beside the servers' logs, for reading after a failed run.
    const file = fs.createWriteStream(logPath(`exec-${++execCount}`))
    const keep = (chunk: Buffer) => {
      output += chunk
      file.write(chunk)
    }
    child.stdout?.on("data", keep)
    child.stderr?.on("data", keep)
    child.once("exit", () => file.end())
    const exitedPromise = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code))
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
