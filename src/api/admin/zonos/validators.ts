import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { ZONOS_IMPORT_STATES } from "../../../modules/zonos/zonos-order-states"
import { parseZonosOrderId } from "../../../modules/zonos/client"
import { backfillDateProblem } from "../../../modules/zonos/utils/backfill-date"

const zonosOrderId = z
  .string({ error: "zonos_order_id is required" })
  .max(64, "zonos_order_id is not a Zonos order id")
  .refine((value) => parseZonosOrderId(value) !== null, "zonos_order_id is not a Zonos order id (e.g. 999-12345)")

export const AdminListZonosOrders = createFindParams({ limit: 20, offset: 0 }).extend({
  state: z.enum(ZONOS_IMPORT_STATES).optional(),
  zonos_status: z.string().max(64).optional(),
  test_order: z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean().optional()),
  q: z.string().max(64).optional(),
  /** Dismissed rows are left out unless asked for. */
  dismissed: z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean().optional()),
})
export type AdminListZonosOrdersType = z.infer<typeof AdminListZonosOrders>

export const AdminGetZonosOrder = createSelectParams()
export type AdminGetZonosOrderType = z.infer<typeof AdminGetZonosOrder>

export const AdminImportZonosOrder = z.object({ zonos_order_id: zonosOrderId })
export type AdminImportZonosOrderType = z.infer<typeof AdminImportZonosOrder>

export const AdminReleaseZonosOrder = z.object({ note: z.string().trim().max(1000).optional() })
export type AdminReleaseZonosOrderType = z.infer<typeof AdminReleaseZonosOrder>

export const AdminDismissZonosOrder = z.object({
  note: z.string({ error: "note is required: say why this order will never import" }).trim().min(1, "note is required: say why this order will never import").max(1000),
})
export type AdminDismissZonosOrderType = z.infer<typeof AdminDismissZonosOrder>

export const AdminListZonosSweeps = createFindParams({ limit: 10, offset: 0 })
export type AdminListZonosSweepsType = z.infer<typeof AdminListZonosSweeps>

export const AdminGetZonosSweep = createSelectParams()
export type AdminGetZonosSweepType = z.infer<typeof AdminGetZonosSweep>

/** No body: a sweep of the usual window. `since_date`: a backfill of every order since that day. */
export const AdminStartZonosSweep = z.object({
  since_date: z
    .string({ error: "since_date must be a day written YYYY-MM-DD" })
    .superRefine((value, context) => {
      const problem = backfillDateProblem(value, new Date())
      if (problem) context.addIssue({ code: "custom", message: problem })
    })
    .optional(),
})
export type AdminStartZonosSweepType = z.infer<typeof AdminStartZonosSweep>

export { zonosOrderId }
