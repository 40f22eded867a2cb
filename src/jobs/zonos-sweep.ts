import { MedusaContainer } from "@medusajs/framework/types"
import { ZONOS_SWEEP_SCHEDULE } from "../modules/zonos/utils/sweep-schedule"
import { sweepZonosOrdersWorkflow } from "../workflows/zonos/sweep-zonos-orders"

/** Starts the Zonos sweep; everything it does lives in the workflow. */
export default async function zonosSweepJob(container: MedusaContainer) {
  await sweepZonosOrdersWorkflow(container).run({ input: { trigger: "schedule" } })
}

export const config = {
  name: "zonos-sweep",
  schedule: ZONOS_SWEEP_SCHEDULE,
}
