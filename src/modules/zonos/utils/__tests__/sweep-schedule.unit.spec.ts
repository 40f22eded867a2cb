import { nextSweepAt, resolveSweepSchedule } from "../sweep-schedule"

describe("resolveSweepSchedule", () => {
  it("accepts the default and ordinary schedules", () => {
    expect(resolveSweepSchedule("*/15 * * * *")).toBe("*/15 * * * *")
    expect(resolveSweepSchedule("0 * * * *")).toBe("0 * * * *")
    expect(resolveSweepSchedule("0 3 * * *")).toBe("0 3 * * *")
  })

  it("refuses what is not a cron expression", () => {
    expect(() => resolveSweepSchedule("every hour")).toThrow('ZONOS_SWEEP_SCHEDULE "every hour" is not a cron expression')
  })

  it("refuses schedules that leave more than 24 days between sweeps", () => {
    expect(() => resolveSweepSchedule("0 0 1 * *")).toThrow("more than 24 days between sweeps")
    expect(() => resolveSweepSchedule("0 0 1 1 *")).toThrow("more than 24 days between sweeps")
  })
})

describe("nextSweepAt", () => {
  it("gives the next tick of the schedule", () => {
    expect(nextSweepAt(new Date("2026-11-25T10:07:00Z"), "*/15 * * * *").toISOString()).toBe("2026-11-25T10:15:00.000Z")
  })
})
