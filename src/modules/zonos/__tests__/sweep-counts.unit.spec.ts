import { sweepCountsFromItems } from "../zonos-order-states"

describe("sweepCountsFromItems", () => {
  it("counts imports by outcome, refreshes and write-backs by kind, and leaves deferred rows out of `done`", () => {
    const { counts, done, skipped } = sweepCountsFromItems(12, [
      { kind: "import", outcome: "imported", count: 5 },
      { kind: "import", outcome: "on_hold", count: 1 },
      { kind: "import", outcome: "failed", count: 2 },
      { kind: "import", outcome: "skipped", count: 3 },
      { kind: "refresh", outcome: "refreshed", count: 2 },
      { kind: "refresh", outcome: "skipped", count: 1 },
      { kind: "write_back", outcome: "written_back", count: 1 },
      { kind: "write_back", outcome: "not_written_back", count: 1 },
      { kind: "deferred", outcome: "deferred", count: 4 },
    ])
    expect(done).toBe(16)
    expect(skipped).toBe(4)
    expect(counts).toEqual({
      listed: 12,
      imported: 5,
      on_hold: 1,
      cancelled: 0,
      needs_attention: 0,
      // An import never started (Zonos stopped answering) still waits, as the sweep always counted it.
      processing: 3,
      failed: 2,
      not_found: 0,
      refreshed: 2,
      written_back: 1,
    })
  })
})
