/**
 * A bound on how many pieces of work run at once in this process. Work past the bound is not
 * queued (a queue would only move the flood into memory): the caller is told "no" and does
 * without, e.g. the success page redirects at once and leaves the order to the sweep.
 */
export class InFlightLimit {
  private running = 0

  constructor(readonly max: number) {}

  /** How many are running now. */
  get inFlight(): number {
    return this.running
  }

  /** Runs `work` if a place is free and returns its promise; returns null (work not started) when full. */
  tryRun<T>(work: () => Promise<T>): Promise<T> | null {
    if (this.running >= this.max) {
      return null
    }
    this.running += 1
    let started: Promise<T>
    try {
      started = work()
    } catch (error) {
      this.running -= 1
      return Promise.reject(error)
    }
    return started.finally(() => {
      this.running -= 1
    })
  }
}
