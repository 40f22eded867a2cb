import { InFlightLimit } from "../in-flight-limit"

describe("InFlightLimit", () => {
  it("runs at most `max` at once, refuses the rest, and frees a place when work ends", async () => {
    const limit = new InFlightLimit(2)
    const releases: Array<() => void> = []
    const block = () => new Promise<string>((resolve) => releases.push(() => resolve("done")))

    const first = limit.tryRun(block)
    const second = limit.tryRun(block)
    expect(first).not.toBeNull()
    expect(second).not.toBeNull()
    expect(limit.tryRun(block)).toBeNull()
    expect(limit.inFlight).toBe(2)

    releases[0]()
    await expect(first).resolves.toBe("done")
    expect(limit.inFlight).toBe(1)
    const third = limit.tryRun(block)
    expect(third).not.toBeNull()
    releases[1]()
    releases[2]()
    await Promise.all([second, third])
    expect(limit.inFlight).toBe(0)
  })

  it("frees the place when the work fails, synchronously or not", async () => {
    const limit = new InFlightLimit(1)
    await expect(limit.tryRun(() => Promise.reject(new Error("zonos down")))).rejects.toThrow("zonos down")
    expect(limit.inFlight).toBe(0)
    await expect(
      limit.tryRun(() => {
        throw new Error("bad input")
      })
    ).rejects.toThrow("bad input")
    expect(limit.inFlight).toBe(0)
  })
})
