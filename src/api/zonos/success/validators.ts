import { z } from "@medusajs/framework/zod"
import { parseZonosOrderId } from "../../../modules/zonos/client"

/** `?orderId=999-12345` as Zonos appends it to the success URL. Nothing else is read. */
export const ZonosSuccessQuery = z.object({
  orderId: z
    .string({ error: "orderId is required: this page is opened by Zonos after checkout" })
    .max(64, "orderId is not a Zonos order id")
    .refine((value) => parseZonosOrderId(value) !== null, "orderId is not a Zonos order id"),
})

export type ZonosSuccessQueryType = z.infer<typeof ZonosSuccessQuery>
