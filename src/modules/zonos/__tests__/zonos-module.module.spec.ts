import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ZONOS_MODULE } from ".."
import ZonosOrder from "../models/zonos-order"
import ZonosSweep from "../models/zonos-sweep"
import ZonosSweepItem from "../models/zonos-sweep-item"
import ZonosModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<ZonosModuleService>({
  moduleName: ZONOS_MODULE,
  moduleModels: [ZonosOrder, ZonosSweep, ZonosSweepItem],
  resolve: "./src/modules/zonos",
  moduleOptions: { storeId: "999", secret: "module-test-secret", apiUrl: "http://127.0.0.1:9" },
  testSuite: ({ service }) => {
    describe("zonos_order", () => {
      it("keeps one row per Zonos order: a second 12345 is refused", async () => {
        await service.createZonosOrders({ zonos_order_number: "12345" })
        await expect(service.createZonosOrders({ zonos_order_number: "12345" })).rejects.toThrow()
        expect(await service.listZonosOrders({ zonos_order_number: "12345" })).toHaveLength(1)
      })

      it("finds or creates the row of an id seen for the first time, once, even when asked at once", async () => {
        const rows = await Promise.all(Array.from({ length: 5 }, () => service.findOrCreateZonosOrder("777", "success_page")))
        expect(new Set(rows.map((row) => row.id)).size).toBe(1)
        expect(await service.listZonosOrders({ zonos_order_number: "777" })).toHaveLength(1)
        expect(rows[0].history).toEqual({ entries: [expect.objectContaining({ source: "success_page", event: "seen" })] })
      })

      it("makes the row of a number seen for the first time, and changes nothing for a known one (insertZonosOrderIfNew)", async () => {
        const made = await service.insertZonosOrderIfNew("778", "sweep")
        expect(made).toMatch(/^zord_/)
        await service.patchZonosOrder(made ?? "", { state: "imported" })
        const again = await Promise.all(Array.from({ length: 3 }, () => service.insertZonosOrderIfNew("778", "success_page")))
        expect(again).toEqual([null, null, null])
        const [row] = await service.listZonosOrders({ zonos_order_number: "778" })
        expect(row).toEqual(expect.objectContaining({ id: made, state: "imported" }))
        expect(row.history).toEqual({ entries: [expect.objectContaining({ source: "sweep", event: "seen" })] })
      })

      it("refuses 999-12345 after 12345: only normalised ids are stored", async () => {
        await service.createZonosOrders({ zonos_order_number: "12345" })
        await expect(service.createZonosOrders({ zonos_order_number: "999-12345" })).rejects.toThrow()
        await expect(service.createZonosOrders({ zonos_order_number: "999-12345" })).rejects.toThrow()
        expect(await service.listZonosOrders({})).toHaveLength(1)
      })

      it("starts pending with no attempts, and records failures with their reason", async () => {
        const created = await service.createZonosOrders({ zonos_order_number: "1001" })
        expect(created).toEqual(
          expect.objectContaining({ state: "pending", attempts: 0, last_error: null, test_order: false, csl_match: false })
        )
        expect(created.id).toMatch(/^zord_/)
        const updated = await service.updateZonosOrders({
          id: created.id,
          state: "failed",
          attempts: 1,
          last_error: "Zonos orderDetail for order 999-1001: server error",
          history: { entries: [{ at: "2026-11-25T00:00:00.000Z", source: "sweep", event: "import_failed" }] },
        })
        expect(updated).toEqual(expect.objectContaining({ state: "failed", attempts: 1 }))
        expect(updated.history).toEqual({ entries: [expect.objectContaining({ event: "import_failed" })] })
      })
    })

    describe("zonos_order written by the import (patchZonosOrder)", () => {
      it("writes only the given columns, JSON as JSON, and null as no value", async () => {
        const created = await service.createZonosOrders({ zonos_order_number: "2001", reference_id: "cart_1" })
        const history = { entries: [{ at: "2026-11-25T00:00:00.000Z", source: "sweep", event: "imported" }] }
        await service.patchZonosOrder(created.id, {
          state: "imported",
          attempts: 1,
          imported_at: new Date("2026-11-25T00:00:01Z"),
          order_detail: { orderId: "999-2001", items: [{ sku: "A", amount: "10.05" }] },
          history,
          shipment_sync: null,
        })
        const read = await service.retrieveZonosOrder(created.id)
        expect(read).toEqual(
          expect.objectContaining({
            state: "imported",
            attempts: 1,
            reference_id: "cart_1",
            history,
            order_detail: { orderId: "999-2001", items: [{ sku: "A", amount: "10.05" }] },
            shipment_sync: null,
          })
        )
        expect(new Date(read.imported_at!).toISOString()).toBe("2026-11-25T00:00:01.000Z")
        expect(new Date(read.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(created.updated_at).getTime())
      })

      it("refuses a record that is not there", async () => {
        await expect(service.patchZonosOrder("zord_missing", { attempts: 1 })).rejects.toThrow("No Zonos order record zord_missing")
      })

      it("reads back only the given columns, typed as the generated retrieve types them (readZonosOrderColumns)", async () => {
        const created = await service.createZonosOrders({ zonos_order_number: "2002" })
        const history = { entries: [{ at: "2026-11-25T00:00:00.000Z", source: "sweep", event: "seen" }] }
        await service.patchZonosOrder(created.id, { attempts: 2, imported_at: new Date("2026-11-25T00:00:01Z"), history })
        const columns = ["id", "state", "attempts", "imported_at", "next_attempt_at", "history"] as const
        const read = await service.readZonosOrderColumns(created.id, [...columns])
        expect(read).toEqual({
          id: created.id,
          state: "pending",
          attempts: 2,
          imported_at: new Date("2026-11-25T00:00:01Z"),
          next_attempt_at: null,
          history,
        })
        expect(await service.retrieveZonosOrder(created.id, { select: [...columns] })).toEqual(expect.objectContaining(read))
        await expect(service.readZonosOrderColumns("zord_missing", ["id"])).rejects.toThrow("ZonosOrder with id: zord_missing was not found")
      })
    })

    describe("zonos_sweep_item as a worker reads it (sweepItemToHandle)", () => {
      it("answers the order with where its sweep stands, and nothing for an unknown row", async () => {
        const sweep = await service.createZonosSweeps({ trigger: "admin", started_at: new Date() })
        const item = await service.createZonosSweepItems({ sweep_id: sweep.id, zonos_order_number: "3001", kind: "import", listed_by_zonos: true })
        expect(await service.sweepItemToHandle(item.id)).toEqual({
          id: item.id,
          sweep_id: sweep.id,
          zonos_order_number: "3001",
          kind: "import",
          listed_by_zonos: true,
          handled: false,
          sweep_running: true,
          sweep_stopped: false,
        })
        await service.recordSweepItemOutcome(item.id, "imported")
        await service.updateZonosSweeps({ id: sweep.id, status: "succeeded", stopped_at: new Date() })
        expect(await service.sweepItemToHandle(item.id)).toEqual(
          expect.objectContaining({ handled: true, sweep_running: false, sweep_stopped: true })
        )
        expect(await service.sweepItemToHandle("zswi_missing")).toBeNull()
      })
    })

    describe("zonos_sweep", () => {
      it("round-trips a sweep's window, counts and ending", async () => {
        const started = await service.createZonosSweeps({
          trigger: "schedule",
          started_at: new Date("2026-11-25T10:00:00Z"),
          since_date: "20261124",
        })
        expect(started.status).toBe("running")
        await service.updateZonosSweeps({
          id: started.id,
          status: "succeeded",
          finished_at: new Date("2026-11-25T10:00:05Z"),
          cursor_date: "20261125",
          counts: { listed: 3, imported: 2, on_hold: 1, failed: 0 },
        })
        const [read] = await service.listZonosSweeps({ id: started.id })
        expect(read).toEqual(
          expect.objectContaining({
            trigger: "schedule",
            status: "succeeded",
            since_date: "20261124",
            cursor_date: "20261125",
            counts: { listed: 3, imported: 2, on_hold: 1, failed: 0 },
            error: null,
          })
        )
        expect(new Date(read.finished_at!).toISOString()).toBe("2026-11-25T10:00:05.000Z")
      })
    })

    describe("settings", () => {
      it("exposes the options with defaults, without the secret", () => {
        const settings = service.getSettings()
        expect(settings).toEqual(
          expect.objectContaining({ storeId: "999", apiUrl: "http://127.0.0.1:9", timeoutMs: 10000, maxRetries: 3 })
        )
        expect(JSON.stringify(settings)).not.toContain("module-test-secret")
      })
    })
  },
})
