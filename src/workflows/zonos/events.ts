/**
 * Emitted (data `{ zonos_order_id }`) when an import that the shopper is waiting for (the
 * success page) leaves the Medusa display id to tell Zonos: the write-back is a Zonos call the
 * shopper need not wait for, so a subscriber makes it after the response (subscribers/
 * zonos-write-back-due.ts). A process that dies before the subscriber runs loses nothing: the
 * row keeps `merchant_order_id_sent_at` null and the sweep writes it back.
 */
export const ZONOS_WRITE_BACK_DUE_EVENT = "zonos.order.write_back_due"
