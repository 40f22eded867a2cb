import { z } from "@medusajs/framework/zod"
import { ZonosOptions, zonosOptionsSchema } from "./options"

export class ZonosOptionsError extends Error {
  constructor(readonly option: string, detail: string) {
    super(`medusa-plugin-zonos: invalid option "${option}": ${detail}`)
    this.name = "ZonosOptionsError"
  }
}

/**
 * Validates the plugin options. Throws one clear line naming the first bad option;
 * the message is written here, never taken from the value, so the secret cannot leak.
 */
export function parseZonosOptions(raw: unknown): ZonosOptions {
  const result = zonosOptionsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  const issue = result.error.issues[0]
  const option = issue.path.length ? issue.path.map(String).join(".") : "options"
  const given = isRecord(raw) ? raw[option] : undefined
  throw new ZonosOptionsError(option, describeIssue(issue, option, given))
}

function describeIssue(issue: z.core.$ZodIssue, option: string, given: unknown): string {
  if (given === undefined || given === null) {
    return `${option} is required`
  }
  if (issue.code === "unrecognized_keys") {
    return "unknown option"
  }
  return issue.message
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null
}
