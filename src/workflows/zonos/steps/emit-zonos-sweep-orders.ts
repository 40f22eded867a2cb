import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_SWEEP_ORDER_EVENT } from "../../../modules/zonos/zonos-order-states"

/** Events per emit: one Redis round trip (addBulk) per batch, not one per order nor one for thousands. */
const EMIT_BATCH = 200

/**
 * Hands each recorded order of the sweep to the event bus, one ZONOS_SWEEP_ORDER_EVENT each, so
 * any process with a worker imports it (src/subscribers/zonos-sweep-order.ts). With the Redis
 * event bus they wait in BullMQ, which gives a dead worker's jobs to another (stalled jobs); with
 * the local one this process handles them, `sweepConcurrency` at a time. Emitted at once, not
 * grouped to the workflow's end: the sweep's workflow has nothing left that could undo them.
 */
export const emitZonosSweepOrdersStep = createStep(
  "emit-zonos-sweep-orders",
  async (input: { item_ids: string[] }, { container }) => {
    const eventBus = container.resolve(Modules.EVENT_BUS)
    for (let start = 0; start < input.item_ids.length; start += EMIT_BATCH) {
      await eventBus.emit(
        input.item_ids.slice(start, start + EMIT_BATCH).map((itemId) => ({
          name: ZONOS_SWEEP_ORDER_EVENT,
          data: { item_id: itemId },
        })),
        // Redis: a subscriber that throws (the database away for a moment) is tried again.
        { attempts: 3, backoff: { type: "exponential", delay: 2000 } }
      )
    }
    return new StepResponse({ emitted: input.item_ids.length })
  }
)
