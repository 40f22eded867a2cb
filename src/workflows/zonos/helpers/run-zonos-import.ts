import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ZONOS_MODULE } from "../../../modules/zonos"
import { formatZonosOrderId } from "../../../modules/zonos/client"
import ZonosModuleService from "../../../modules/zonos/service"
import { importZonosOrderWorkflow, ImportZonosOrderInput, ZonosImportRun } from "../workflows/import-zonos-order"
import { TRY_ZONOS_LOCK_STEP } from "../steps/try-zonos-lock"
import { busyZonosImportResult } from "./busy-zonos-import-result"
import { HOLD_REASON_TEXT } from "../../../modules/zonos/zonos-order-states"
import { recordZonosImportFailureWorkflow } from "../workflows/record-zonos-import-failure"

/**
 * Starts the import workflow and, if it fails in a way its own steps did not record,
 * starts the workflow that records the failure. Never throws for a failed import: the
 * result says where the order stands. An import that found the order's lock held by another
 * for the whole wait failed in its lock step: that is no failure of the order (the holder is
 * importing it), so nothing is recorded and the answer is where the order stands now. Routes,
 * the sweep and the admin all import through here, so this is also where each import's outcome
 * is logged, once.
 */
export async function runZonosImport(
  container: MedusaContainer,
  input: ImportZonosOrderInput
): Promise<ZonosImportRun> {
  const { result, errors } = await importZonosOrderWorkflow(container).run({ input, throwOnError: false })
  if (!errors.length) {
    logZonosImport(container, input, result)
    return result
  }
  if (errors.some((error) => error.action === TRY_ZONOS_LOCK_STEP)) {
    const busy = await busyZonosImportResult(container, input.zonos_order_id)
    logZonosImport(container, input, busy)
    return busy
  }
  const message = errors[0]?.error?.message ?? "The import failed"
  const recorded = await recordZonosImportFailureWorkflow(container).run({
    input: {
      zonos_order_id: input.zonos_order_id,
      source: input.source,
      message,
      listed_by_zonos: input.listed_by_zonos ?? false,
    },
  })
  const run: ZonosImportRun = { ...recorded.result, zonos_error_code: null }
  logZonosImport(container, input, run)
  return run
}

/**
 * One line per import in the server log: info when the order is where it should be, warn with
 * the reason when it is not (what the merchant would otherwise see only in the admin). Error
 * messages come from the client, which has already removed the secret.
 */
function logZonosImport(container: MedusaContainer, input: ImportZonosOrderInput, result: ZonosImportRun): void {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const { storeId } = container.resolve<ZonosModuleService>(ZONOS_MODULE).getSettings()
  const subject = `Zonos order ${formatZonosOrderId(storeId, result.zonos_order_number)} (${input.source})`
  const order = result.display_id === null ? "" : ` as Medusa order #${result.display_id}`
  switch (result.outcome) {
    case "imported":
      return logger.info(`${subject}: imported${order}`)
    case "on_hold":
      return logger.info(`${subject}: imported${order}, on hold (${result.hold_reason ? HOLD_REASON_TEXT[result.hold_reason] : "held"})`)
    case "cancelled":
      return logger.info(`${subject}: cancelled${order}`)
    case "not_found":
      return logger.warn(`${subject}: Zonos has no such order; not retried unless Zonos lists it`)
    case "needs_attention":
    case "failed":
    case "processing":
      return logger.warn(`${subject}: ${result.outcome}: ${result.last_error ?? "no reason recorded"}`)
  }
}
