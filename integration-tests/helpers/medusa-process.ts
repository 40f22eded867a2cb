import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

/**
 * Medusa CLI processes run as a production store runs them (the crash suite and the bench):
 * each in its own process group, so one signal takes the whole of it (SIGKILL is what a crash
 * is here), and none outlives the process that started it.
 */

export const MEDUSA_BIN = path.join(path.resolve(__dirname, "../.."), "node_modules", ".bin", "medusa")

/** Every child started here, so none outlives the test or bench process. */
const children = new Set<ChildProcess>()
process.once("exit", () => {
  for (const child of children) killGroup(child, "SIGKILL")
})

/** Adds a child to the registry until it exits. */
export function trackChild(child: ChildProcess): void {
  children.add(child)
  child.once("exit", () => children.delete(child))
}

/** The last lines of a log, for an error message. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** Signals the child's whole process group (medusa start spawns its own children). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
  })
}

/** SIGTERM, then SIGKILL after 10 s if it is still there. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  const force = setTimeout(() => killGroup(child, "SIGKILL"), 10_000)
  killGroup(child, "SIGTERM")
  await exited(child)
  clearTimeout(force)
}

/** `medusa <args>` to its end, its output in logFile; resolves with the seconds it took. */
export function runMedusa(args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  const out = fs.openSync(logFile, "w")
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, { cwd, env, stdio: ["ignore", out, out], detached: true })
    trackChild(child)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      fs.closeSync(out)
      if (code === 0) return resolve((Date.now() - started) / 1000)
      reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit ${code}`}); see ${logFile}:\n${tail(logFile)}`))
    })
  })
}

/**
 * `medusa start` in serverDir on `port`, its output in logFile, answered once /health says so
 * (or an error with the log's tail if it exits first or stays silent past timeoutMs).
 */
export async function startMedusaServer(options: {
  serverDir: string
  env: NodeJS.ProcessEnv
  port: number
  logFile: string
  timeoutMs: number
}): Promise<{ server: ChildProcess; url: string; seconds: number }> {
  const { serverDir, env, port, logFile, timeoutMs } = options
  const url = `http://localhost:${port}`
  const out = fs.openSync(logFile, "w")
  const started = Date.now()
  const server = spawn(MEDUSA_BIN, ["start"], { cwd: serverDir, env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out], detached: true })
  fs.closeSync(out)
  trackChild(server)
  const deadline = started + timeoutMs
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`medusa start exited (${server.exitCode ?? server.signalCode}); see ${logFile}:\n${tail(logFile)}`)
    }
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false
    )
    if (healthy) return { server, url, seconds: (Date.now() - started) / 1000 }
    if (Date.now() > deadline) {
      killGroup(server, "SIGKILL")
      throw new Error(`medusa start did not answer /health within ${timeoutMs / 1000} s; see ${logFile}:\n${tail(logFile)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
