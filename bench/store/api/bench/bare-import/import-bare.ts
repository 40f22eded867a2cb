import { MedusaContainer } from "@medusajs/framework/types"
import {
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"

/**
 * One Zonos order imported with Medusa's core flows and nothing else (the bench's yardstick):
 * one orderDetail read from the sandbox over HTTP, createOrderWorkflow with the plugin's order
 * shape (custom lines, a shipping method, both addresses, the email), a payment collection for
 * the total, marked paid through the Zonos provider.
 */
type JsonRecord = Record<string, unknown>
export const isRecord = (value: unknown): value is JsonRecord => typeof value === "object" && value !== null && !Array.isArray(value)
const text = (record: JsonRecord, key: string): string => {
  const value = record[key]
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : ""
}

async function readOrderDetail(orderId: string): Promise<JsonRecord> {
  const response = await fetch(`${process.env.ZONOS_API_URL}/v2/orderDetail`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ store: process.env.ZONOS_STORE_ID, storeId: process.env.ZONOS_STORE_ID, secret: process.env.ZONOS_SECRET, orderId }),
  })
  const body: unknown = await response.json()
  if (!response.ok || !isRecord(body) || !isRecord(body.order)) throw new Error(`orderDetail ${orderId} answered ${response.status}`)
  return body.order
}

function address(detail: JsonRecord) {
  return {
    first_name: text(detail, "name").split(" ")[0],
    last_name: text(detail, "name").split(" ").slice(1).join(" "),
    address_1: text(detail, "address1"),
    city: text(detail, "city"),
    province: text(detail, "state"),
    postal_code: text(detail, "zip"),
    country_code: text(detail, "countryCode").toLowerCase(),
    phone: text(detail, "phone"),
  }
}

export async function importBare(scope: MedusaContainer, orderId: string, regionId: string): Promise<void> {
  const detail = await readOrderDetail(orderId)
  const items = (Array.isArray(detail.items) ? detail.items : []).filter(isRecord)
  const { result: order } = await createOrderWorkflow(scope).run({
    input: {
      region_id: regionId,
      email: text(detail, "email"),
      currency_code: "usd",
      shipping_address: address(detail),
      billing_address: address(detail),
      items: items.map((item) => ({
        title: text(item, "description"),
        quantity: Number(text(item, "quantity")),
        unit_price: text(item, "unitPrice"),
        is_tax_inclusive: false,
      })),
      shipping_methods: [{ name: text(detail, "customerSelectedShippingName"), amount: text(detail, "shippingTotal") }],
    },
  })
  const { result: collections } = await createOrderPaymentCollectionWorkflow(scope).run({
    input: { order_id: order.id, amount: Number(text(detail, "grandTotal")) },
  })
  await markPaymentCollectionAsPaid(scope).run({
    input: { order_id: order.id, payment_collection_id: collections[0].id, provider_id: "pp_zonos_zonos", captured_by: "bench" },
  })
}

