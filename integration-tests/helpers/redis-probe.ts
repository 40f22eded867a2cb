import { spawnSync } from "node:child_process"

/**
 * Whether a Redis answers at `url`, asked synchronously so a spec can decide, while it declares
 * its tests, to report a Redis-backed test as skipped (saying why) rather than let it pass
 * without running. With REQUIRE_REDIS=1 (CI, which has Redis) a missing Redis throws instead,
 * failing the suite.
 */
export function requireRedisOrSkip(url: string, what: string): { available: boolean; skipNote: string } {
  const { hostname, port } = new URL(url)
  const probe = `
    const socket = require("node:net").connect({ host: ${JSON.stringify(hostname)}, port: ${Number(port || 6379)} }, () => socket.write("PING\\r\\n"))
    socket.setTimeout(1000, () => process.exit(1))
    socket.on("data", (data) => process.exit(String(data).startsWith("+PONG") ? 0 : 1))
    socket.on("error", () => process.exit(1))`
  const available = spawnSync(process.execPath, ["-e", probe], { timeout: 5000 }).status === 0
  if (!available && process.env.REQUIRE_REDIS === "1") {
    throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${url}: ${what} cannot run`)
  }
  return { available, skipNote: available ? "" : ` (skipped: no Redis at ${url})` }
}
