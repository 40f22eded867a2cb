import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"

/**
 * The bench's yardstick, copied into the bench's build of the development store only (never
 * shipped): the same Zonos orders imported with Medusa's core flows and nothing else. Per order
 * one orderDetail read from the sandbox over HTTP (what the plugin's import costs in Zonos time),
 * createOrderWorkflow with the same shape (custom lines, a shipping method, both addresses, the
 * email), a payment collection for the total, marked paid through the Zonos provider; `concurrency`
 * at a time, as the plugin's sweep. POST starts a run and answers its id at once (a run outlives
 * any sensible HTTP timeout); GET ?run= answers its progress and per-order timings.
 */

type BareRun = { total: number; done: number; failed: string[]; latencies_ms: number[]; started_at: number; elapsed_ms: number | null }

const runs = new Map<string, BareRun>()

type JsonRecord = Record<string, unknown>
const isRecord = (value: unknown): value is JsonRecord => typeof value === "object" && value !== null && !Array.isArray(value)
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

async function importBare(req: MedusaRequest, orderId: string, regionId: string): Promise<void> {
  const detail = await readOrderDetail(orderId)
  const items = (Array.isArray(detail.items) ? detail.items : []).filter(isRecord)
  const { result: order } = await createOrderWorkflow(req.scope).run({
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
  const { result: collections } = await createOrderPaymentCollectionWorkflow(req.scope).run({
    input: { order_id: order.id, amount: Number(text(detail, "grandTotal")) },
  })
  await markPaymentCollectionAsPaid(req.scope).run({
    input: { order_id: order.id, payment_collection_id: collections[0].id, provider_id: "pp_zonos_zonos", captured_by: "bench" },
  })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body: unknown = req.body
  if (!isRecord(body) || !Array.isArray(body.ids)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "ids is required")
  const ids = body.ids.map(String)
  const concurrency = Number(body.concurrency ?? 1)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "usd" } })
  const runId = `bare_${Date.now()}`
  const run: BareRun = { total: ids.length, done: 0, failed: [], latencies_ms: [], started_at: Date.now(), elapsed_ms: null }
  runs.set(runId, run)
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]
      const started = Date.now()
      try {
        await importBare(req, id, regions[0].id)
        run.latencies_ms.push(Date.now() - started)
      } catch (error) {
        run.failed.push(`${id}: ${error instanceof Error ? error.message : JSON.stringify(error)}`)
      }
      run.done += 1
    }
  }
  void Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    run.elapsed_ms = Date.now() - run.started_at
  })
  res.status(202).json({ run_id: runId })
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const run = runs.get(String(req.query.run))
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such run")
  res.json(run)
}
