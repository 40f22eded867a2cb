import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getZonosImportResultStep } from "../steps/get-zonos-import-result"
import {
  RecordZonosImportFailureInput,
  recordZonosImportFailureStep,
} from "../steps/record-zonos-import-failure"

/**
 * Records an import that failed outside the steps that expect failure (for example Medusa
 * refusing to create the order), so no failure is ever silent: the row shows why and how
 * many tries, and the sweep retries it.
 */
export const recordZonosImportFailureWorkflow = createWorkflow(
  "record-zonos-import-failure",
  (input: RecordZonosImportFailureInput) => {
    const recorded = recordZonosImportFailureStep(input)
    return new WorkflowResponse(
      getZonosImportResultStep(transform({ recorded }, ({ recorded }) => ({ record_id: recorded.record_id })))
    )
  }
)
