#!/usr/bin/env node
// `npm run bench`: runs bench/bench.ts (TypeScript, through ts-node) against the PostgreSQL named
// by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when DB_HOST is set; otherwise against an embedded
// PostgreSQL it starts for the run and stops afterwards (as `npm test` does).
const { spawn } = require("node:child_process")
const path = require("node:path")
const { startEmbeddedPostgres } = require("../scripts/lib/embedded-postgres")

async function main() {
  const env = { ...process.env, TS_NODE_PROJECT: path.join(__dirname, "..", "tsconfig.tests.json") }
  let embedded
  if (!env.DB_HOST) {
    console.log("[bench] DB_HOST is not set: starting an embedded PostgreSQL for the run")
    embedded = await startEmbeddedPostgres({ name: "bench", log: (line) => console.log(`[postgres] ${line}`) })
    Object.assign(env, {
      DB_HOST: embedded.host,
      DB_PORT: String(embedded.port),
      DB_USERNAME: embedded.user,
      DB_PASSWORD: embedded.password,
    })
  }
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "bench.ts")], {
      stdio: "inherit",
      env,
    })
    child.on("exit", (exitCode) => resolve(exitCode ?? 1))
  })
  if (embedded) await embedded.stop()
  process.exit(code)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
