const MINUTE_MS = 60_000
const MAX_DELAY_MS = 6 * 60 * MINUTE_MS

/**
 * When to try a failed import or write-back again: 1, 2, 4, 8 ... minutes after the
 * `attempts`-th failure, at most six hours. The sweep only retries rows that are due.
 */
export function nextAttemptAt(attempts: number, now: Date): Date {
  const delay = Math.min(MAX_DELAY_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1))
  return new Date(now.getTime() + delay)
}
