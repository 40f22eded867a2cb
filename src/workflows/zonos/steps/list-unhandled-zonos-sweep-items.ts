import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"

/** The ids of a running sweep's orders that no worker has handled yet. */
export const listUnhandledZonosSweepItemsStep = createStep(
  "list-unhandled-zonos-sweep-items",
  async (input: { sweep_id: string }, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const items = await zonos.listZonosSweepItems({ sweep_id: input.sweep_id, outcome: null }, { select: ["id"] })
    return new StepResponse({ item_ids: items.map((item) => item.id) })
  }
)
