import { ENDPOINT_NAMES, EndpointName, isEndpointName } from "./constants"
import { isJsonObject } from "./json"
import { createPrng } from "./prng"
import { SandboxFaults } from "./types"

export type FaultDecision = "none" | "error" | "timeout" | "malformed"

/** Thrown for fault settings the sandbox cannot apply (unknown key, negative count, rate above 1). */
export class FaultsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "FaultsError"
  }
}

const PRNG_SEED = 0x20151001

const COUNT_KEYS = ["latencyMs", "failNext", "timeoutNext", "malformedNext"] as const
const RATE_KEYS = ["errorRate", "timeoutRate", "malformedRate"] as const

/** Validates fault settings given as JSON (control API) or as an object (programmatic API). */
export function normalizeFaults(input: unknown): SandboxFaults {
  if (!isJsonObject(input)) throw new FaultsError("faults must be a JSON object")
  const faults: SandboxFaults = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue
    if ((COUNT_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        throw new FaultsError(`${key} must be a whole number >= 0`)
      }
      faults[key as (typeof COUNT_KEYS)[number]] = value
    } else if ((RATE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
        throw new FaultsError(`${key} must be a number from 0 to 1`)
      }
      faults[key as (typeof RATE_KEYS)[number]] = value
    } else if (key === "endpoints") {
      if (!Array.isArray(value) || !value.every(isEndpointName)) {
        throw new FaultsError(`endpoints must be a list of endpoint names (${ENDPOINT_NAMES.join(", ")})`)
      }
      faults.endpoints = [...value]
    } else {
      throw new FaultsError(`unknown fault setting: ${key}`)
    }
  }
  return faults
}

/** Decides, call by call, which fault (if any) the sandbox plays. */
export class FaultInjector {
  private faults: SandboxFaults = {}
  private random = createPrng(PRNG_SEED)

  set(faults: SandboxFaults): void {
    this.faults = normalizeFaults(faults)
    this.random = createPrng(PRNG_SEED)
  }

  clear(): void {
    this.set({})
  }

  /** The settings in force, with the remaining counts of the `...Next` faults. */
  current(): SandboxFaults {
    return { ...this.faults, ...(this.faults.endpoints ? { endpoints: [...this.faults.endpoints] } : {}) }
  }

  private applies(endpoint: EndpointName): boolean {
    return !this.faults.endpoints || this.faults.endpoints.includes(endpoint)
  }

  latencyFor(endpoint: EndpointName): number {
    return this.applies(endpoint) ? this.faults.latencyMs ?? 0 : 0
  }

  /** Consumes one `...Next` count or one random draw for this call. */
  decide(endpoint: EndpointName): FaultDecision {
    if (!this.applies(endpoint)) return "none"
    const f = this.faults
    if (f.timeoutNext) {
      f.timeoutNext -= 1
      return "timeout"
    }
    if (f.failNext) {
      f.failNext -= 1
      return "error"
    }
    if (f.malformedNext) {
      f.malformedNext -= 1
      return "malformed"
    }
    const timeoutRate = f.timeoutRate ?? 0
    const errorRate = f.errorRate ?? 0
    const malformedRate = f.malformedRate ?? 0
    if (timeoutRate + errorRate + malformedRate <= 0) return "none"
    const draw = this.random()
    if (draw < timeoutRate) return "timeout"
    if (draw < timeoutRate + errorRate) return "error"
    if (draw < timeoutRate + errorRate + malformedRate) return "malformed"
    return "none"
  }
}
