import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ZONOS_WRITE_BACK_DUE_EVENT } from "../workflows/zonos/events"
import { writeBackZonosOrderWorkflow } from "../workflows/zonos/workflows/write-back-zonos-order"

/**
 * Tells Zonos the display id of an order the success page imported, after the shopper has been
 * answered. A refusal is recorded on the row by the workflow (never thrown), and the sweep
 * retries it.
 */
export default async function zonosWriteBackDue({ event, container }: SubscriberArgs<{ zonos_order_id: string }>) {
  await writeBackZonosOrderWorkflow(container).run({ input: { zonos_order_id: event.data.zonos_order_id } })
}

export const config: SubscriberConfig = { event: ZONOS_WRITE_BACK_DUE_EVENT }
