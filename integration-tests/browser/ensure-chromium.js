// Makes sure Debian's Chromium is installed at /usr/bin/chromium (apt-get, never a browser
// download). Used by scripts/test.js before the browser suite and by the spec itself.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")

const CHROMIUM_PATH = "/usr/bin/chromium"

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    encoding: "utf8",
  })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n")
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${output}`)
  }
}

/** Returns the Chromium path, installing the `chromium` package first when it is missing. */
function ensureChromium(log = console.log) {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH
  const asRoot = typeof process.getuid !== "function" || process.getuid() === 0
  const [command, prefix] = asRoot ? ["apt-get", []] : ["sudo", ["-n", "apt-get"]]
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium with apt-get (about a minute)`)
  const started = Date.now()
  run(command, [...prefix, "update", "-qq"])
  run(command, [...prefix, "install", "-y", "-qq", "chromium"])
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`)
  log(`chromium installed in ${Math.round((Date.now() - started) / 1000)} s`)
  return CHROMIUM_PATH
}

module.exports = { CHROMIUM_PATH, ensureChromium }
