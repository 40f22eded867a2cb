import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stopRenewing } from "../helpers/keep-lock"

/** Stops renewing a lock tryZonosLockStep took and releases it (only if this owner still holds it). */
export const releaseZonosLockStep = createStep(
  "release-zonos-lock",
  async (input: { key: string; owner_id: string }, { container }) => {
    await stopRenewing(input)
    const released = await container.resolve(Modules.LOCKING).release(input.key, { ownerId: input.owner_id })
    return new StepResponse({ released })
  }
)
