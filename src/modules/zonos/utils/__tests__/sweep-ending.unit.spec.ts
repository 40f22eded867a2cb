import { sweepEnding, sweepSinceDate } from "../sweep-ending"

describe("sweepEnding", () => {
  const base = { listing_error: null, since_date: "20261129", not_in_medusa: [], today: "20261201", stopped_early: false }

  it("fails without a cursor when orderNumbers could not be read", () => {
    expect(sweepEnding({ ...base, listing_error: "Zonos orderNumbers: timeout" })).toEqual({ status: "failed", cursor_date: null })
  })

  it("is partial while a listed order is not in Medusa, and the next sweep asks for the same window", () => {
    const ending = sweepEnding({ ...base, not_in_medusa: ["1001"] })
    expect(ending.status).toBe("partial")
    expect(sweepSinceDate(ending.cursor_date, "20261201", 14)).toBe("20261129")
  })

  it("does not widen the window over a run of partial sweeps", () => {
    let since = sweepSinceDate("20261130", "20261201", 14)
    for (let run = 0; run < 5; run++) {
      const ending = sweepEnding({ ...base, since_date: since, not_in_medusa: ["1001"] })
      since = sweepSinceDate(ending.cursor_date, "20261201", 14)
    }
    expect(since).toBe("20261129")
  })

  it("is partial when Zonos stopped answering, even with every listed order in Medusa", () => {
    expect(sweepEnding({ ...base, stopped_early: true }).status).toBe("partial")
  })

  it("succeeds with today's cursor when everything listed is in Medusa", () => {
    expect(sweepEnding(base)).toEqual({ status: "succeeded", cursor_date: "20261201" })
    expect(sweepSinceDate("20261201", "20261201", 14)).toBe("20261130")
  })

  it("looks back the configured days on the first sweep", () => {
    expect(sweepSinceDate(null, "20261201", 14)).toBe("20261117")
  })
})
