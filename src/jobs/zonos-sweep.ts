import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ZONOS_SWEEP_SCHEDULE } from "../modules/zonos/utils/sweep-schedule"
import { sweepZonosOrdersWorkflow } from "../workflows/zonos/workflows/sweep-zonos-orders"

/**
 * Starts the Zonos sweep; everything it does lives in the workflow, which hands the orders to
 * the event bus and returns (the workers import them). Scheduled jobs run only where workerMode
 * is "worker" or "shared". A tick that finds a sweep still running (a long one, a backfill, or one
 * started from the admin) is skipped: not an error.
 */
export default async function zonosSweepJob(container: MedusaContainer) {
  const { errors } = await sweepZonosOrdersWorkflow(container).run({ input: { trigger: "schedule" }, throwOnError: false })
  const error = errors[0]?.error
  if (!error) return
  if (error.type === MedusaError.Types.CONFLICT) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info("medusa-plugin-zonos: a sweep is still running; this tick is skipped")
    return
  }
  throw new Error(`The Zonos sweep failed: ${error.message}`)
}

export const config = {
  name: "zonos-sweep",
  schedule: ZONOS_SWEEP_SCHEDULE,
}
