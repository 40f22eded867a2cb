import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { seedZonosDemoStore } from "../../scripts/lib/seed-store"
import { ZONOS_MODULE } from "../../src/modules/zonos"
import ZonosModuleService from "../../src/modules/zonos/service"
import { startRenewing, stopRenewing } from "../../src/workflows/zonos/helpers/keep-lock"
import { runZonosImport } from "../../src/workflows/zonos/helpers/run-zonos-import"
import { DEAD_SWEEP_ERROR } from "../../src/workflows/zonos/steps/close-dead-zonos-sweeps"
import { ZONOS_SWEEP_LOCK_KEY } from "../../src/workflows/zonos/workflows/sweep-zonos-orders"
import { sweepToEnd, waitForSweepEnd } from "../helpers/sweep-to-end"
import { createAdminHeaders } from "../helpers/admin-auth"
import { sweepSinceDate } from "../../src/modules/zonos/utils/sweep-ending"
import { useZonosSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180_000)

// Two orders in a row that Zonos does not answer stop a sweep (the default is 5).
const STOP_AFTER = 2
// A running sweep that handled nothing for this long is taken for dead (the default is 300 s).
const STALE_SECONDS = 4
const { sandbox } = useZonosSandbox({
  ZONOS_SWEEP_STOP_AFTER_FAILURES: String(STOP_AFTER),
  ZONOS_SWEEP_STALE_SECONDS: String(STALE_SECONDS),
})

/** An amount (number or decimal string) to the cent, as a string: exact, never via floats. */
const cents = (amount: unknown) => MathBN.convert(String(amount)).toFixed(2)

type Capture = { amount: unknown }
type Payment = { captures: Capture[] }
type Collection = { id: string; status: string; payments: Payment[] }

/**
 * What a process killed in the middle of an import leaves, rebuilt by undoing the last parts of
 * a finished import (the link, then the payment), and what the next import makes of it: it
 * adopts the order and finishes it, never creating a second one. The real kills are in
 * integration-tests/crash.
 */
medusaIntegrationTestRunner({
  medusaConfigFile: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    beforeAll(async () => {
      await seedZonosDemoStore(getContainer())
      admin = await createAdminHeaders(getContainer())
    })

    beforeEach(() => {
      sandbox().reset()
    })

    const zonos = () => getContainer().resolve<ZonosModuleService>(ZONOS_MODULE)
    const link = () => getContainer().resolve(ContainerRegistrationKeys.LINK)
    const importOrder = (id: string, source: "sweep" | "success_page" = "sweep") =>
      runZonosImport(getContainer(), { zonos_order_id: id, source })

    /** Every Medusa order carrying this Zonos id, with its money. */
    const ordersFor = async (zonosId: string) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows: { id: string }[] = await pg("order")
        .select("id")
        .whereRaw("metadata->>'zonos_order_id' = ?", [zonosId])
        .whereNull("deleted_at")
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "id",
          "total",
          "summary.*",
          "payment_collections.id",
          "payment_collections.status",
          "payment_collections.payments.captures.amount",
          "zonos_order.id",
        ],
        filters: { id: rows.map((row) => row.id) },
      })
      return data.map((order) => {
        const collections: Collection[] = (order.payment_collections ?? []).filter(Boolean)
        const captured = collections
          .flatMap((collection) => collection.payments ?? [])
          .flatMap((payment) => payment.captures ?? [])
          .reduce((sum, capture) => MathBN.add(sum, String(capture.amount)), MathBN.convert(0))
        return {
          id: order.id,
          total: cents(order.total),
          captured: captured.toFixed(2),
          paid_total: cents(order.summary?.paid_total ?? 0),
          collections: collections.length,
          linked: Boolean(order.zonos_order?.id),
        }
      })
    }

    /** Undoes the link to the zonos_order row, as if the process died just before writing it. */
    const unlink = async (recordId: string, orderId: string) => {
      await link().dismiss({ [ZONOS_MODULE]: { zonos_order_id: recordId }, [Modules.ORDER]: { order_id: orderId } })
      await zonos().updateZonosOrders({ id: recordId, state: "pending", imported_at: null })
    }

    it("finishes an order whose import died before the link: one order, paid once", async () => {
      const first = await importOrder("999-1001")
      expect(first.outcome).toBe("imported")
      const grandTotal = cents(sandbox().getOrder("999-1001")!.grandTotal)
      await unlink(first.record_id, first.order_id!)

      const second = await importOrder("999-1001")
      expect(second).toEqual(expect.objectContaining({ outcome: "imported", order_id: first.order_id }))
      const [row] = await zonos().listZonosOrders({ zonos_order_number: "1001" })
      expect(row.history?.entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ event: "note", detail: expect.stringMatching(/interrupted/) })])
      )
      expect(await ordersFor("999-1001")).toEqual([
        { id: first.order_id, total: grandTotal, captured: grandTotal, paid_total: grandTotal, collections: 1, linked: true },
      ])
    })

    it("finishes an order whose import died after the link, before recording it: the sweep imports it, one order", async () => {
      const zonosId = String(sandbox().addOrder({}).orderId)
      const number = zonosId.replace(/^\d+-/, "")
      const first = await importOrder(zonosId)
      expect(first.outcome).toBe("imported")
      const grandTotal = cents(sandbox().getOrder(zonosId)!.grandTotal)
      // The link is there; the record is as the dead import left it (seen, not imported).
      await zonos().updateZonosOrders({ id: first.record_id, state: "pending", imported_at: null })
      expect((await ordersFor(zonosId))[0]).toEqual(expect.objectContaining({ linked: true }))

      // (The sandbox's seeded orders are in this sweep too; some of them are meant to fail.)
      await sweep()
      const [row] = await zonos().listZonosOrders({ zonos_order_number: number })
      expect(row).toEqual(expect.objectContaining({ state: "imported", imported_at: expect.any(Date) }))
      expect(row.history?.entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ event: "note", detail: expect.stringMatching(/interrupted/) })])
      )
      expect(await ordersFor(zonosId)).toEqual([
        { id: first.order_id, total: grandTotal, captured: grandTotal, paid_total: grandTotal, collections: 1, linked: true },
      ])
      // And a shopper's success-page hit on it now answers from the database, as for any import.
      expect(await importOrder(zonosId, "success_page")).toEqual(expect.objectContaining({ outcome: "imported", order_id: first.order_id }))
    })

    it("finishes an order whose import died before the payment: pays it, once", async () => {
      const first = await importOrder("999-1002")
      const grandTotal = cents(sandbox().getOrder("999-1002")!.grandTotal)
      const [made] = await ordersFor("999-1002")
      // No payment collection on the order: the state right after setting its tax lines.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["payment_collections.id"], filters: { id: made.id } })
      for (const collection of order.payment_collections ?? []) {
        if (!collection) continue
        await link().dismiss({
          [Modules.ORDER]: { order_id: made.id },
          [Modules.PAYMENT]: { payment_collection_id: collection.id },
        })
      }
      const orderModule = getContainer().resolve(Modules.ORDER)
      const transactions = await orderModule.listOrderTransactions({ order_id: made.id })
      await orderModule.deleteOrderTransactions(transactions.map((transaction) => transaction.id))
      await unlink(first.record_id, made.id)
      expect((await ordersFor("999-1002"))[0]).toEqual(expect.objectContaining({ collections: 0, linked: false }))

      const second = await importOrder("999-1002")
      expect(second).toEqual(expect.objectContaining({ order_id: made.id }))
      expect(await ordersFor("999-1002")).toEqual([
        { id: made.id, total: grandTotal, captured: grandTotal, paid_total: grandTotal, collections: 1, linked: true },
      ])
    })

    it("answers processing when another import holds the order's lock, and records no failure", async () => {
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire("zonos-order:1003", { ownerId: "someone-else", expire: 60 })
      try {
        const started = Date.now()
        const busy = await importOrder("999-1003", "success_page")
        expect(busy.outcome).toBe("processing")
        expect(Date.now() - started).toBeGreaterThanOrEqual(25_000)
        const [row] = await zonos().listZonosOrders({ zonos_order_number: "1003" })
        expect(row === undefined || (row.attempts === 0 && row.state === "pending" && !row.next_attempt_at)).toBe(true)
        expect(await ordersFor("999-1003")).toEqual([])
      } finally {
        await locking.release("zonos-order:1003", { ownerId: "someone-else" })
      }
      expect((await importOrder("999-1003")).order_id).toBeTruthy()
    })

    const sweep = () => sweepToEnd(getContainer())
    const makeRetriesDue = async () => {
      const due = await zonos().listZonosOrders({ next_attempt_at: { $ne: null } })
      for (const row of due) await zonos().updateZonosOrders({ id: row.id, next_attempt_at: new Date(Date.now() - 1000) })
    }

    it("keeps a lock alive while its holder works, and lets it expire once the holder stops renewing", async () => {
      const locking = getContainer().resolve(Modules.LOCKING)
      const held = { key: "zonos-test-renewal", owner_id: "holder", ttl_seconds: 3 }
      const taken = () =>
        locking.acquire(held.key, { ownerId: "intruder", expire: 3 }).then(
          () => false,
          () => true
        )
      await locking.acquire(held.key, { ownerId: held.owner_id, expire: held.ttl_seconds })
      startRenewing(getContainer(), held)
      await new Promise((resolve) => setTimeout(resolve, 4500))
      expect(await taken()).toBe(true)
      // The holder dies (its renewals with it): the lock is free within its lifetime.
      await stopRenewing(held)
      await new Promise((resolve) => setTimeout(resolve, 3500))
      expect(await taken()).toBe(false)
      await locking.release(held.key, { ownerId: "intruder" })
    })

    it("answers a second sweep with a clear 409 while one runs", async () => {
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(ZONOS_SWEEP_LOCK_KEY, { ownerId: "a-running-sweep", expire: 60 })
      try {
        const response = await api.post("/admin/zonos/sweeps", {}, { ...admin, validateStatus: () => true })
        expect(response.status).toBe(409)
        expect(response.data.message).toBe("A sweep is already running; try again when it ends")
      } finally {
        await locking.release(ZONOS_SWEEP_LOCK_KEY, { ownerId: "a-running-sweep" })
      }
      const response = await api.post("/admin/zonos/sweeps", {}, { ...admin, validateStatus: () => true })
      expect(response.status).toBe(202)
      await waitForSweepEnd(getContainer(), response.data.zonos_sweep.id)

      // Past the lock, a sweep whose orders are still with the workers (it handled one lately) is running too.
      const live = await zonos().createZonosSweeps({ trigger: "schedule", status: "running", started_at: new Date(), total: 3 })
      const refused = await api.post("/admin/zonos/sweeps", {}, { ...admin, validateStatus: () => true })
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe("A sweep is already running; try again when it ends")
      await zonos().updateZonosSweeps({ id: live.id, status: "failed", finished_at: new Date() })
    })

    it("closes a sweep whose process died, and never starts from it", async () => {
      const good = await sweep()
      expect(good.status).toBe("succeeded")
      // A sweep a killed process left behind: running, no cursor, its lock long gone.
      const dead = await zonos().createZonosSweeps({
        trigger: "schedule",
        status: "running",
        started_at: new Date(),
        since_date: "20200101",
      })
      // Nothing handled for longer than sweepStaleSeconds: no process is working on it any more.
      await new Promise((resolve) => setTimeout(resolve, STALE_SECONDS * 1000 + 500))
      const next = await sweep()
      expect(next.status).toBe("succeeded")
      const closed = await zonos().retrieveZonosSweep(dead.id)
      expect(closed).toEqual(expect.objectContaining({ status: "failed", cursor_date: null, error: DEAD_SWEEP_ERROR }))
      expect(closed.finished_at).toBeTruthy()
      // The window comes from the last good sweep's cursor, not from the dead one's 2020.
      expect(next.since_date).not.toBe("20200101")
      expect(await zonos().listZonosSweeps({ status: "running" })).toEqual([])
    })

    it("stops early when Zonos hangs for every order, and the next sweep imports them all once", async () => {
      // Orders the sweep has never seen: new orders of today at Zonos.
      const added = Array.from({ length: 8 }, () => sandbox().addOrder())
      const ids = added.map((order) => String(order.orderId))
      sandbox().setFaults({ timeoutRate: 1, endpoints: ["orderDetail"] })
      const started = Date.now()
      const stopped = await sweep()
      const seconds = (Date.now() - started) / 1000
      expect(stopped.status).toBe("partial")
      expect(stopped.error).toContain("Zonos is not answering")
      // A partial sweep does not move the window: the next one asks for the same days again.
      expect(sweepSinceDate(stopped.cursor_date, "20000101", 14)).toBe(stopped.since_date)
      // 3 s timeout x 2 attempts per order, 4 at a time: the sweep gives up after the first
      // round instead of spending that on each of the 8 orders (and the 12 seeded ones).
      expect(seconds).toBeLessThan(STOP_AFTER * 3 * 2 + 6)
      const started8 = sandbox().calls().orderDetail
      expect(started8).toBeLessThan(ids.length * 2)

      sandbox().clearFaults()
      await makeRetriesDue()
      const recovered = await sweep()
      expect(recovered.status).toBe("succeeded")
      for (const id of ids) {
        const orders = await ordersFor(id)
        expect(orders).toHaveLength(1)
        expect(orders[0]).toEqual(expect.objectContaining({ linked: true, collections: 1 }))
        expect(orders[0].captured).toBe(orders[0].total)
      }
    })
  },
})
