import { SANDBOX_SECRET, SANDBOX_STORE_ID } from "./constants"

export interface CliOptions {
  port: number
  host: string
  storeId: string
  secret: string
  seed: boolean
  help: boolean
}

export const DEFAULT_CLI_PORT = 4010

export const CLI_USAGE = `Usage: medusa-plugin-zonos-sandbox [--port 4010] [--host 127.0.0.1] [--store 999] [--secret <guid>] [--no-seed]

Starts a Zonos Checkout order API sandbox on loopback.
  --port     TCP port (0 = random). Env: ZONOS_SANDBOX_PORT. Default ${DEFAULT_CLI_PORT}.
  --host     Interface to bind. Env: ZONOS_SANDBOX_HOST. Default 127.0.0.1.
  --store    Store id. Env: ZONOS_SANDBOX_STORE. Default ${SANDBOX_STORE_ID}.
  --secret   API secret. Env: ZONOS_SANDBOX_SECRET. Default: the built-in sandbox secret.
  --no-seed  Start without the seeded orders.
Control API: GET /__sandbox/health, /__sandbox/orders, /__sandbox/calls; PUT /__sandbox/faults; POST /__sandbox/reset.`

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "CliUsageError"
  }
}

function parsePort(value: string, source: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new CliUsageError(`${source} must be a port number 0..65535, got "${value}"`)
  return Number(value)
}

/** Reads the command line (`--key value` or `--key=value`), falling back to the environment. */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const options: CliOptions = {
    port: env.ZONOS_SANDBOX_PORT ? parsePort(env.ZONOS_SANDBOX_PORT, "ZONOS_SANDBOX_PORT") : DEFAULT_CLI_PORT,
    host: env.ZONOS_SANDBOX_HOST || "127.0.0.1",
    storeId: env.ZONOS_SANDBOX_STORE || SANDBOX_STORE_ID,
    secret: env.ZONOS_SANDBOX_SECRET || SANDBOX_SECRET,
    seed: true,
    help: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined]
    const value = (): string => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || next.startsWith("--")) throw new CliUsageError(`${flag} needs a value`)
      i += 1
      return next
    }
    switch (flag) {
      case "--port":
        options.port = parsePort(value(), "--port")
        break
      case "--host":
        options.host = value()
        break
      case "--store":
        options.storeId = value()
        if (!/^\d+$/.test(options.storeId)) throw new CliUsageError(`--store must be digits, got "${options.storeId}"`)
        break
      case "--secret":
        options.secret = value()
        if (options.secret === "") throw new CliUsageError("--secret must not be empty")
        break
      case "--no-seed":
        options.seed = false
        break
      case "--help":
      case "-h":
        options.help = true
        break
      default:
        throw new CliUsageError(`unknown argument: ${arg}`)
    }
  }
  return options
}
