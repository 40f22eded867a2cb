import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"

/** The sweep's record as it stands now (running, or ended if it had nothing to hand out). */
export const getZonosSweepStep = createStep("get-zonos-sweep", async (input: { sweep_id: string }, { container }) => {
  const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
  return new StepResponse(await zonos.retrieveZonosSweep(input.sweep_id))
})
