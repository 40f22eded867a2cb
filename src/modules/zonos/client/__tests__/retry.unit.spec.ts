import { backoffDelay, withRetries } from "../retry"

describe("backoffDelay", () => {
  it("grows exponentially and is capped", () => {
    const one = () => 0.999999
    expect(backoffDelay(1, 100, 10_000, one, "full")).toBe(100)
    expect(backoffDelay(2, 100, 10_000, one, "full")).toBe(200)
    expect(backoffDelay(3, 100, 10_000, one, "full")).toBe(400)
    expect(backoffDelay(30, 100, 10_000, one, "full")).toBe(10_000)
    expect(backoffDelay(5000, 100, 10_000, one, "full")).toBe(10_000)
  })

  it("equal jitter stays between half and all of the exponential delay", () => {
    expect(backoffDelay(3, 100, 10_000, () => 0, "equal")).toBe(200)
    expect(backoffDelay(3, 100, 10_000, () => 0.5, "equal")).toBe(300)
    expect(backoffDelay(3, 100, 10_000, () => 0.999999, "equal")).toBe(400)
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(200)
  })

  it("full jitter can be anything from 0", () => {
    expect(backoffDelay(3, 100, 10_000, () => 0, "full")).toBe(0)
    expect(backoffDelay(3, 100, 10_000, () => 0.25, "full")).toBe(100)
  })

  it("never goes out of bounds, even with a misbehaving random", () => {
    expect(backoffDelay(1, 100, 50, () => 5, "equal")).toBe(50)
    expect(backoffDelay(1, 100, 1000, () => -3, "full")).toBe(0)
  })
})

class Transient extends Error {}
class Permanent extends Error {}

function harness(failures: Error[], result = "ok") {
  const calls: number[] = []
  const sleeps: number[] = []
  const retries: Array<{ retry: number; delayMs: number }> = []
  const fn = async (attempt: number) => {
    calls.push(attempt)
    const failure = failures.shift()
    if (failure) throw failure
    return result
  }
  const options = (maxRetries: number) => ({
    maxRetries,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 0.5,
    isRetryable: (error: unknown) => error instanceof Transient,
    onRetry: (info: { retry: number; delayMs: number }) =>
      retries.push({ retry: info.retry, delayMs: info.delayMs }),
    sleep: async (ms: number) => {
      sleeps.push(ms)
    },
  })
  return { fn, options, calls, sleeps, retries }
}

describe("withRetries", () => {
  it("returns the first success without waiting", async () => {
    const h = harness([])
    await expect(withRetries(h.fn, h.options(3))).resolves.toBe("ok")
    expect(h.calls).toEqual([1])
    expect(h.sleeps).toEqual([])
  })

  it("retries retryable errors with growing delays and then succeeds", async () => {
    const h = harness([new Transient(), new Transient()])
    await expect(withRetries(h.fn, h.options(3))).resolves.toBe("ok")
    expect(h.calls).toEqual([1, 2, 3])
    expect(h.sleeps).toEqual([75, 150])
    expect(h.retries).toEqual([
      { retry: 1, delayMs: 75 },
      { retry: 2, delayMs: 150 },
    ])
  })

  it("gives up after maxRetries and rethrows the last error unchanged", async () => {
    const last = new Transient("third")
    const h = harness([new Transient(), new Transient(), last])
    await expect(withRetries(h.fn, h.options(2))).rejects.toBe(last)
    expect(h.calls).toEqual([1, 2, 3])
    expect(h.sleeps).toHaveLength(2)
  })

  it("maxRetries 0 means exactly one attempt", async () => {
    const h = harness([new Transient()])
    await expect(withRetries(h.fn, h.options(0))).rejects.toBeInstanceOf(Transient)
    expect(h.calls).toEqual([1])
    expect(h.sleeps).toEqual([])
  })

  it("never retries a non-retryable error", async () => {
    const h = harness([new Permanent()])
    await expect(withRetries(h.fn, h.options(5))).rejects.toBeInstanceOf(Permanent)
    expect(h.calls).toEqual([1])
  })

  it("refuses a bad maxRetries", async () => {
    const h = harness([])
    await expect(withRetries(h.fn, h.options(-1))).rejects.toBeInstanceOf(RangeError)
    await expect(withRetries(h.fn, h.options(1.5))).rejects.toBeInstanceOf(RangeError)
  })
})
