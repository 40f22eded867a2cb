import { useEffect, useState } from "react"

/**
 * Re-renders every `intervalMs` so "3 minutes ago" stays true, and answers the time of
 * this render (never a stale one: data fetched since the last tick may be newer).
 */
export function useNow(intervalMs = 30_000): Date {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setTick((tick) => tick + 1), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return new Date()
}
