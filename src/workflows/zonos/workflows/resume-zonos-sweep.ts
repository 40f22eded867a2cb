import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitZonosSweepOrdersStep } from "../steps/emit-zonos-sweep-orders"
import { listUnhandledZonosSweepItemsStep } from "../steps/list-unhandled-zonos-sweep-items"

/**
 * Hands a running sweep's unhandled orders out again: what a backfill run started after an
 * interrupted one does, when the events of the first died with its process (the local event
 * bus keeps them in memory). Safe while workers still hold some of them: an order handled twice
 * is imported once (its import lock and idempotency) and counted once (recordSweepItemOutcome).
 */
export const resumeZonosSweepWorkflow = createWorkflow("resume-zonos-sweep", (input: { sweep_id: string }) => {
  const unhandled = listUnhandledZonosSweepItemsStep(input)
  const emitted = emitZonosSweepOrdersStep(unhandled)
  return new WorkflowResponse(emitted)
})
