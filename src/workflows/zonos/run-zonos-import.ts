import { MedusaContainer } from "@medusajs/framework/types"
import { importZonosOrderWorkflow, ImportZonosOrderInput, ZonosImportRun } from "./import-zonos-order"
import { recordZonosImportFailureWorkflow } from "./record-zonos-import-failure"

/**
 * Starts the import workflow and, if it fails in a way its own steps did not record,
 * starts the workflow that records the failure. Never throws for a failed import: the
 * result says where the order stands. Routes, the sweep and the admin all import through here.
 */
export async function runZonosImport(
  container: MedusaContainer,
  input: ImportZonosOrderInput
): Promise<ZonosImportRun> {
  const { result, errors } = await importZonosOrderWorkflow(container).run({ input, throwOnError: false })
  if (!errors.length) {
    return result
  }
  const message = errors[0]?.error?.message ?? "The import failed"
  const recorded = await recordZonosImportFailureWorkflow(container).run({
    input: { zonos_order_id: input.zonos_order_id, source: input.source, message },
  })
  return { ...recorded.result, zonos_error_code: null }
}
