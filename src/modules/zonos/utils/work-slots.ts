/**
 * At most `max` pieces of work at once in this process; the rest wait their turn, in order.
 * For the sweep's orders: the local event bus starts every subscriber of a sweep at once, and
 * a worker on the Redis event bus may be given several; each still imports `max` at a time.
 */
export class WorkSlots {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly max: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running += 1
    }
    try {
      return await work()
    } finally {
      // The slot passes straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift()
      if (next) next()
      else this.running -= 1
    }
  }
}
