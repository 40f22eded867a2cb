import { WorkSlots } from "../work-slots"

describe("WorkSlots", () => {
  it("runs at most `max` at once and the rest in the order they came", async () => {
    const slots = new WorkSlots(2)
    let running = 0
    let most = 0
    const started: number[] = []
    const releases: (() => void)[] = []
    const runs = [0, 1, 2, 3, 4].map((index) =>
      slots.run(async () => {
        started.push(index)
        running += 1
        most = Math.max(most, running)
        await new Promise<void>((resolve) => releases.push(resolve))
        running -= 1
        return index
      })
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([0, 1])
    while (releases.length) {
      releases.shift()?.()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4])
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(most).toBe(2)
  })

  it("frees the slot of work that throws", async () => {
    const slots = new WorkSlots(1)
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom")
    await expect(slots.run(async () => "next")).resolves.toBe("next")
  })
})
