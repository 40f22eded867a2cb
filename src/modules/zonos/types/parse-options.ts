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
  throw new ZonosOptionsError(option, describeIssue(issue, option))
}

function describeIssue(issue: z.core.$ZodIssue, option: string): string {
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return `${option} is required`
  }
  if (issue.code === "unrecognized_keys") {
    return "unknown option"
  }
  return issue.message
}
