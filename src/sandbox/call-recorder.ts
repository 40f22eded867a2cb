import { ENDPOINT_NAMES, EndpointName } from "./constants"
import { cloneJson } from "./json"
import { redactSecret } from "./redact"
import { CallLogEntry } from "./types"

/** Counts API calls per endpoint and keeps a log of them with the secret masked. */
export class CallRecorder {
  private counts = new Map<EndpointName, number>()
  private log: CallLogEntry[] = []

  constructor(private readonly secret: string) {}

  /** Records a call on arrival; answer it later with `entry.status = ...`. */
  record(endpoint: EndpointName, body: unknown, at: Date): CallLogEntry {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1)
    const entry: CallLogEntry = { endpoint, body: redactSecret(body, this.secret), status: 0, at: at.toISOString() }
    this.log.push(entry)
    return entry
  }

  countsByEndpoint(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const name of ENDPOINT_NAMES) out[name] = this.counts.get(name) ?? 0
    return out
  }

  entries(): CallLogEntry[] {
    return this.log.map((entry) => cloneJson(entry))
  }

  clear(): void {
    this.counts = new Map()
    this.log = []
  }
}
