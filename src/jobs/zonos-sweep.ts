import { MedusaContainer } from "@medusajs/framework/types"
import { sweepZonosOrdersWorkflow } from "../workflows/zonos/sweep-zonos-orders"

/** Starts the Zonos sweep; everything it does lives in the workflow. */
export default async function zonosSweepJob(container: MedusaContainer) {
  await sweepZonosOrdersWorkflow(container).run({ input: { trigger: "schedule" } })
}

export const config = {
  name: "zonos-sweep",
  schedule: process.env.ZONOS_SWEEP_SCHEDULE || "*/15 * * * *",
}
