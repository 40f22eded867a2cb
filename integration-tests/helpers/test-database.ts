import { Client } from "pg"

/** The PostgreSQL the tests use, from the env `npm test` sets (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD). */
export function dbSettings() {
  return {
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
}

/** A connection URL for one database of that server (for a store started as its own process). */
export function databaseUrl(database: string): string {
  const { host, port, user, password } = dbSettings()
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${database}`
}

/** Runs `fn` with a connection to the server's `postgres` database (to create or drop a test database). */
export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...dbSettings(), database: "postgres" })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
