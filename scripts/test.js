#!/usr/bin/env node
// `npm test`: the whole suite (unit, module, HTTP integration, crash, workers, browser).
// Uses the PostgreSQL named by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when DB_HOST is
// set; otherwise starts an embedded PostgreSQL for the run and stops it afterwards.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const ROOT = path.resolve(__dirname, "..")
const SUITES = (process.env.TEST_SUITES || "unit,integration:modules,integration:http,crash,workers,browser")
  .split(",")
  .map((suite) => suite.trim())
  .filter(Boolean)

function runJest(testType, env) {
  const report = path.join(os.tmpdir(), `medusa-plugin-zonos-jest-${testType.replace(/\W/g, "-")}-${process.pid}.json`)
  const args = [require.resolve("jest/bin/jest"), "--runInBand", "--forceExit", "--json", `--outputFile=${report}`]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...env, TEST_TYPE: testType, NODE_OPTIONS: "--experimental-vm-modules" },
    })
    child.on("exit", (code) => {
      let counts = { passed: 0, failed: 0, skipped: 0 }
      try {
        const json = JSON.parse(fs.readFileSync(report, "utf8"))
        counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests }
        if (json.numFailedTestSuites > 0 && json.numFailedTests === 0) counts.failed = json.numFailedTestSuites
        fs.rmSync(report, { force: true })
      } catch {
        counts.failed = Math.max(1, counts.failed)
      }
      resolve({ code: code ?? 1, counts })
    })
  })
}

async function main() {
  const env = { ...process.env }
  let embedded
  if (!env.DB_HOST) {
    console.log("DB_HOST is not set: starting an embedded PostgreSQL for the tests")
    embedded = await startEmbeddedPostgres({ name: "test", log: (line) => console.log(`[postgres] ${line}`) })
    Object.assign(env, {
      DB_HOST: embedded.host,
      DB_PORT: String(embedded.port),
      DB_USERNAME: embedded.user,
      DB_PASSWORD: embedded.password,
    })
  }

  const totals = { passed: 0, failed: 0, skipped: 0 }
  let exitCode = 0
  try {
    for (const suite of SUITES) {
      console.log(`\n=== ${suite} tests ===`)
      if (suite === "browser") {
        // Debian's chromium (apt-get when missing), before jest starts its clock.
        require("../integration-tests/browser/ensure-chromium").ensureChromium()
      }
      const { code, counts } = await runJest(suite, env)
      totals.passed += counts.passed
      totals.failed += counts.failed
      totals.skipped += counts.skipped
      if (code !== 0) exitCode = code
    }
  } finally {
    if (embedded) await embedded.stop()
  }
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(exitCode || (totals.failed > 0 ? 1 : 0))
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
