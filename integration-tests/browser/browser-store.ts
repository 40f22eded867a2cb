import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { databaseUrl, withAdminClient } from "../helpers/test-database"

/**
 * The development store, built and served the way a merchant deploys Medusa: a fresh
 * database (migrated, seeded, with an admin user), `medusa build` (backend and admin
 * dashboard with this plugin's widget and page), then `medusa start` from the build.
 *
 * The build runs in a copy of the store under the OS temp dir, because `medusa build`
 * writes `.medusa/server`, which in this repository is `medusa plugin:build`'s output.
 * The database steps run from the repository itself, in parallel with the build.
 */

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
export const ARTIFACTS_DIR = path.join(ROOT, "test-artifacts")
const LOG_DIR = path.join(ARTIFACTS_DIR, "browser-logs")

export const ADMIN_EMAIL = "admin@example.com"
export const ADMIN_PASSWORD = "supersecret"

export type BrowserStore = {
  url: string
  databaseName: string
  stop: () => Promise<void>
}

type StoreOptions = {
  /** Env the plugin reads (ZONOS_*); the store's own env (database, port) is added. */
  env: Record<string, string>
  log?: (line: string) => void
}


export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Runs `medusa <args>` to completion (in its own process group, listed in `running` until it
 * ends), its output in a log file; rejects with the log's tail.
 */
function runMedusa(
  name: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  running: Set<ChildProcess>
): Promise<number> {
  const logFile = path.join(LOG_DIR, `${name}.log`)
  const out = fs.openSync(logFile, "w")
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, { cwd, env, stdio: ["ignore", out, out], detached: true })
    running.add(child)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      running.delete(child)
      fs.closeSync(out)
      const seconds = (Date.now() - started) / 1000
      if (code === 0) return resolve(seconds)
      reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit ${code}`}); see ${logFile}:\n${tail(logFile)}`))
    })
  })
}

function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/**
 * A copy of the store to build in: package.json, medusa-config.ts, src/ (without tests) and
 * a tsconfig, with node_modules linked. The tsconfig leaves out `.medusa/types`: the types
 * `medusa build` generates there are for editors, and type-checking is plugin:build's job.
 */
export function prepareBuildCopy(dir: string, options: { admin: boolean } = { admin: true }): void {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  for (const file of ["package.json", "medusa-config.ts"]) {
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file))
  }
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
  tsconfig.include = (tsconfig.include as string[]).filter((entry) => !entry.startsWith(".medusa"))
  // The plugin's tsconfig keeps the development store's config out of the published build;
  // a store build needs it compiled.
  tsconfig.exclude = (tsconfig.exclude as string[]).filter((entry) => entry !== "medusa-config.ts")
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2))
  fs.cpSync(path.join(ROOT, "src"), path.join(dir, "src"), {
    recursive: true,
    // Without the admin, the dashboard extensions are left out (a store run with the admin disabled).
    filter: (source) =>
      path.basename(source) !== "__tests__" && (options.admin || source !== path.join(ROOT, "src", "admin")),
  })
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir")
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`medusa start exited (${server.exitCode ?? server.signalCode}); see ${logFile}:\n${tail(logFile)}`)
    }
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`medusa start did not answer /health within ${timeoutMs / 1000} s; see ${logFile}:\n${tail(logFile)}`)
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve()
    const pid = child.pid
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal)
      } catch {
        // already gone
      }
    }
    const force = setTimeout(() => kill("SIGKILL"), 10_000)
    child.once("exit", () => {
      clearTimeout(force)
      resolve()
    })
    kill("SIGTERM")
  })
}

/** Creates the database, builds and starts the store; `stop()` undoes all of it. */
export async function startBrowserStore({ env, log = () => {} }: StoreOptions): Promise<BrowserStore> {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  const databaseName = `zonos_browser_${process.pid}`
  const buildDir = path.join(os.tmpdir(), `medusa-plugin-zonos-browser-${process.pid}`)
  const port = await freePort()
  const url = `http://localhost:${port}`
  let server: ChildProcess | undefined
  const running = new Set<ChildProcess>()

  const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...env, DATABASE_URL: databaseUrl(databaseName) }
  // The store must not pick up settings meant for other runs.
  delete baseEnv.REDIS_URL
  delete baseEnv.MEDUSA_ADMIN_DISABLED
  delete baseEnv.NODE_OPTIONS
  delete baseEnv.TEST_TYPE
  delete baseEnv.JEST_WORKER_ID

  // Safety net: every child has its own process group, so none may outlive this process.
  const killAllOnExit = () => {
    for (const child of [...running, ...(server ? [server] : [])]) {
      try {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }
  }
  process.once("exit", killAllOnExit)

  const stop = async () => {
    // A build or database step still going (after the other one failed) is stopped first.
    await Promise.all([...running].map(stopProcessGroup))
    if (server) await stopProcessGroup(server)
    process.removeListener("exit", killAllOnExit)
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).catch(
      (error) => log(`could not drop ${databaseName}: ${error instanceof Error ? error.message : error}`)
    )
    fs.rmSync(buildDir, { recursive: true, force: true })
  }

  try {
    await withAdminClient(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
      await client.query(`CREATE DATABASE "${databaseName}"`)
    })
    prepareBuildCopy(buildDir)

    const build = runMedusa("build", ["build"], buildDir, { ...baseEnv, NODE_ENV: "production" }, running).then((seconds) =>
      log(`medusa build (backend + admin) took ${seconds.toFixed(0)} s`)
    )
    const database = (async () => {
      const dbEnv = { ...baseEnv, NODE_ENV: "test" }
      const migrated = await runMedusa("db-migrate", ["db:migrate"], ROOT, dbEnv, running)
      log(`medusa db:migrate took ${migrated.toFixed(0)} s`)
      // One after the other: on a fresh database each first boot creates the default
      // store, and two at once collide on it.
      const seeded = await runMedusa("seed", ["exec", "./scripts/seed-dev-store.ts"], ROOT, dbEnv, running)
      const user = await runMedusa("user", ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], ROOT, dbEnv, running)
      log(`seed took ${seeded.toFixed(0)} s, admin user ${user.toFixed(0)} s`)
    })()
    // Whichever fails first fails the start; stop() then ends the other one.
    build.catch(() => undefined)
    database.catch(() => undefined)
    await Promise.all([build, database])

    // `medusa start` from the build output, as in production (the admin is served from
    // .medusa/server/public/admin). NODE_ENV=test keeps the session cookie non-Secure, so
    // it works over plain http; "production" would make it Secure.
    const serverDir = path.join(buildDir, ".medusa", "server")
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(serverDir, "node_modules"), "dir")
    const logFile = path.join(LOG_DIR, "server.log")
    const out = fs.openSync(logFile, "w")
    const started = Date.now()
    server = spawn(MEDUSA_BIN, ["start"], {
      cwd: serverDir,
      env: { ...baseEnv, NODE_ENV: "test", PORT: String(port), LOG_LEVEL: "info" },
      stdio: ["ignore", out, out],
      detached: true,
    })
    fs.closeSync(out)
    await waitForHealth(url, server, logFile, 120_000)
    log(`medusa start answered after ${((Date.now() - started) / 1000).toFixed(0)} s on ${url}`)
    return { url, databaseName, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
