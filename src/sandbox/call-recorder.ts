import { ENDPOINT_NAMES, EndpointName } from "./constants"
import { cloneJson } from "./json"
import { redactSecret } from "./redact"
import { CallLogEntry } from "./types"

/**
 * Counts API calls per endpoint, keeps a log of them with the secret masked, and tracks how many
 * are open at once (what a client's concurrency bound must keep low).
 */
export class CallRecorder {
  private counts = new Map<EndpointName, number>()
  private log: CallLogEntry[] = []
  private open = new Map<EndpointName, number>()
  private peak = new Map<EndpointName, number>()

  constructor(private readonly secret: string) {}

  /** Records a call on arrival; answer it later with `entry.status = ...`. */
  record(endpoint: EndpointName, body: unknown, at: Date): CallLogEntry {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1)
    const entry: CallLogEntry = { endpoint, body: redactSecret(body, this.secret), status: 0, at: at.toISOString() }
    this.log.push(entry)
    return entry
  }

  /** A call arrived and is not answered yet. */
  opened(endpoint: EndpointName): void {
    const open = (this.open.get(endpoint) ?? 0) + 1
    this.open.set(endpoint, open)
    this.peak.set(endpoint, Math.max(open, this.peak.get(endpoint) ?? 0))
  }

  /** A call was answered, or its connection closed. */
  closed(endpoint: EndpointName): void {
    this.open.set(endpoint, Math.max(0, (this.open.get(endpoint) ?? 0) - 1))
  }

  /** The most calls of each endpoint open at the same moment since the last clear. */
  peakOpenByEndpoint(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const name of ENDPOINT_NAMES) out[name] = this.peak.get(name) ?? 0
    return out
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
    // Calls still open stay counted as open; the peak starts again from them.
    this.peak = new Map(this.open)
  }
}
