/** Replaces every occurrence of the secret (any letter case) with "[redacted]". */
export function redactSecret(text: string, secret: string): string {
  if (secret === "" || text === "") {
    return text
  }
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  return text.replace(new RegExp(escaped, "gi"), "[redacted]")
}

export function createRedactor(secret: string): (text: string) => string {
  return (text: string) => redactSecret(text, secret)
}
