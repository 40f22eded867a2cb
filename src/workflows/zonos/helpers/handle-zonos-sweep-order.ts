import { setTimeout as sleep } from "node:timers/promises"
import { MedusaContainer } from "@medusajs/framework/types"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService, { ZonosSweepItemToHandle } from "../../../modules/zonos/service"
import { ZONOS_NOT_ANSWERING_CODES, ZonosSweepItemOutcome } from "../../../modules/zonos/zonos-order-states"
import { ZONOS_IMPORT_LOCK_TTL_SECONDS, ZONOS_IMPORT_LOCK_WAIT_SECONDS } from "../workflows/import-zonos-order"
import { writeBackZonosOrderWorkflow } from "../workflows/write-back-zonos-order"
import { finishZonosSweepIfDone } from "./finish-zonos-sweep"
import { runZonosImport } from "./run-zonos-import"

/**
 * Handles one order a sweep handed out (a zonos_sweep_item row), in whichever process took the
 * event: imports or re-reads it through runZonosImport (the same lock and idempotency as the
 * success page), or writes its display id back to Zonos. Safe to run twice for the same row (a
 * redelivered event): the import finds its order, and the outcome is recorded once. Then, if it
 * was the sweep's last order, ends the sweep. Orders of a sweep that stopped because Zonos was
 * not answering are skipped (recorded, not started); those of a sweep no longer running (closed
 * as dead) are left alone: the next sweep's window covers them.
 *
 * The row is read once its turn comes, not when the event arrives: the local event bus starts
 * every order's subscriber at once (thousands for a backfill), and a read made then would cost
 * the whole backlog's queries in one burst and be stale (a stop, a closed sweep) by its turn.
 */
export async function handleZonosSweepOrder(container: MedusaContainer, itemId: string): Promise<void> {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  const sweepId = await zonos.sweepSlots.run(async () => {
    const item = await zonos.sweepItemToHandle(itemId)
    if (!item || !item.sweep_running) return null
    if (!item.handled) {
      const outcome = item.sweep_stopped ? "skipped" : await handleItem(container, item)
      await zonos.recordSweepItemOutcome(item.id, outcome)
    }
    return item.sweep_id
  })
  if (sweepId) await finishZonosSweepIfDone(container, sweepId)
}

/** Pause between two tries of an order whose lock is held elsewhere. */
const BUSY_RETRY_MS = 2000

async function handleItem(container: MedusaContainer, item: ZonosSweepItemToHandle): Promise<ZonosSweepItemOutcome> {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  if (item.kind === "write_back") {
    const { result } = await writeBackZonosOrderWorkflow(container).run({ input: { zonos_order_id: item.zonos_order_number } })
    return result.sent ? "written_back" : "not_written_back"
  }
  const refresh = item.kind === "refresh"
  const importOnce = () =>
    runZonosImport(container, {
      zonos_order_id: item.zonos_order_number,
      source: "sweep",
      refresh,
      listed_by_zonos: item.listed_by_zonos,
    })
  // `processing`: the order's lock was held by someone else for the whole wait. Its holder may be
  // a worker killed mid-import, whose lock outlives it by up to ZONOS_IMPORT_LOCK_TTL_SECONDS:
  // trying again until that has surely passed lets the sweep finish the order (what the dead
  // worker left half-made is finished, not made again) instead of ending `partial` for it.
  const giveUpAt = Date.now() + (ZONOS_IMPORT_LOCK_TTL_SECONDS + ZONOS_IMPORT_LOCK_WAIT_SECONDS) * 1000
  let result = await importOnce()
  while (result.outcome === "processing" && Date.now() < giveUpAt) {
    await sleep(BUSY_RETRY_MS)
    result = await importOnce()
  }
  const notAnswering = result.zonos_error_code !== null && ZONOS_NOT_ANSWERING_CODES.includes(result.zonos_error_code)
  await zonos.recordSweepZonosAnswer(item.sweep_id, notAnswering, zonos.getSettings().sweepStopAfterFailures)
  return refresh ? "refreshed" : result.outcome
}
