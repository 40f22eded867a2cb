#!/usr/bin/env node
import { CLI_USAGE, CliUsageError, parseCliArgs } from "./cli-args"
import { SANDBOX_SECRET } from "./constants"
import { startZonosSandbox } from "./start-sandbox"

async function main(): Promise<void> {
  let options
  try {
    options = parseCliArgs(process.argv.slice(2), process.env)
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\n${CLI_USAGE}\n`)
      process.exit(2)
    }
    throw error
  }
  if (options.help) {
    process.stdout.write(`${CLI_USAGE}\n`)
    return
  }

  const sandbox = await startZonosSandbox({
    port: options.port,
    host: options.host,
    storeId: options.storeId,
    secret: options.secret,
    seed: options.seed,
  })
  // The default credentials are test values, printed so a developer can point a store at the
  // sandbox; a secret given on the command line is the caller's and is not echoed.
  const secret = options.secret === SANDBOX_SECRET ? SANDBOX_SECRET : "(the one you gave)"
  process.stdout.write(
    `Zonos sandbox listening on ${sandbox.url}: apiUrl ${sandbox.url}, storeId ${sandbox.storeId}, secret ${secret} (test values)\n`
  )

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`Zonos sandbox failed to start: ${message}\n`)
  process.exit(1)
})
