import { randomUUID } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * A lock owner id for one workflow run. Without one, Medusa's Redis locking provider gives
 * every caller the same owner ("*") and treats a second acquire as re-entrant: two instances
 * would both "hold" the lock. A step (not a transform) so acquire and release see the same id.
 */
export const createLockOwnerStep = createStep("create-zonos-lock-owner", async (input: { purpose: string }) => {
  return new StepResponse(`${input.purpose}:${randomUUID()}`)
})
