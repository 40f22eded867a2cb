import { readUtcDay, shiftUtcDay, toUtcDay } from "../utc-day"

describe("UTC days", () => {
  it("formats and shifts days as Zonos's orderNumbers wants them", () => {
    expect(toUtcDay(new Date("2026-12-01T23:59:59Z"))).toBe("20261201")
    expect(shiftUtcDay("20260301", 1)).toBe("20260228")
    expect(shiftUtcDay("20261231", -1)).toBe("20270101")
  })

  it("reads a Date or a real yyyymmdd day, and nothing else", () => {
    expect(readUtcDay(new Date("2026-02-03T00:00:00Z"))).toBe("20260203")
    expect(readUtcDay(" 20240229 ")).toBe("20240229")
    for (const bad of ["20230229", "20261131", "2026-12-01", "0999123", "09991231", 20261201, null, new Date("nope")]) {
      expect(readUtcDay(bad)).toBeNull()
    }
  })
})
