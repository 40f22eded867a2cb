import { HttpAnswer } from "./http-io"
import { isJsonObject, JsonObject } from "./json"
import { centsToDecimalString, divideRounded, toCents } from "./money"
import { IGLOBAL_FRAUD_REVIEW, IGLOBAL_ORDER_IN_PROCESS } from "./order-statuses"
import { SandboxState } from "./sandbox-state"
import { TempCart } from "./temp-cart-store"

/** Where the sandbox plays Zonos's hosted checkout (not part of the API: no credentials). */
export const CHECKOUT_PATH = "/checkout"
export const CHECKOUT_PAY_PATH = "/checkout/pay"

/** What the shopper (the tester) picks on the page: the kind of order Zonos makes of it. */
export const CHECKOUT_OUTCOMES = ["normal", "fraud_review", "csl_match", "test_order"] as const
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number]

const OUTCOME_LABELS: Record<CheckoutOutcome, string> = {
  normal: "Normal order",
  fraud_review: "Fraud review (IGLOBAL_FRAUD_REVIEW)",
  csl_match: "Screening-list match (cslListMatch)",
  test_order: "Test order (testOrder)",
}

/** A shopper per destination, so orders made on the page have real-looking addresses. */
const SHOPPERS: Record<string, JsonObject> = {
  GB: { name: "Amelia Clarke", address1: "14 Queens Road", city: "Bristol", state: "Bristol", zip: "BS8 1QU", phone: "+44 117 496 0123" },
  DE: { name: "Jonas Weber", address1: "Friedrichstrasse 12", city: "Berlin", state: "BE", zip: "10117", phone: "+49 30 1234567" },
  CA: { name: "Chloe Tremblay", address1: "400 Rue Sherbrooke", city: "Montreal", state: "QC", zip: "H3A 0B4", phone: "+1 514 555 0140" },
  AU: { name: "Jack Wilson", address1: "22 George Street", city: "Sydney", state: "NSW", zip: "2000", phone: "+61 2 5550 1234" },
  FR: { name: "Camille Martin", address1: "8 Rue de Rivoli", city: "Paris", state: "IDF", zip: "75004", phone: "+33 1 55 55 01 23" },
}

/**
 * Deterministic shipping and duties, so tests know the totals:
 * shipping = 12.00 + 2.50 per unit; duties = 20 % VAT + 5 % duty of the items total (discounts
 * included), each rounded half away from zero to the cent.
 */
export function quoteCheckout(items: JsonObject[]): { itemsCents: number; shippingCents: number; duty: number; vatTax: number } {
  let itemsCents = 0
  let units = 0
  for (const item of items) {
    const quantity = Number(item.quantity)
    const unit = toCents(item.unitPrice) ?? 0
    itemsCents += quantity * unit
    if (unit > 0) units += quantity
  }
  const base = Math.max(itemsCents, 0)
  return { itemsCents, shippingCents: 1200 + 250 * units, duty: divideRounded(base * 5, 100), vatTax: divideRounded(base * 20, 100) }
}

function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
}

function page(status: number, title: string, body: string): HttpAnswer {
  return {
    status,
    contentType: "text/html;charset=utf-8",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
  }
}

const money = (cents: number) => centsToDecimalString(cents)

/** GET /checkout?tempCartUUID=...&country=...: the cart, a few choices and a "Pay" button. */
export function renderCheckoutPage(state: SandboxState, url: URL): HttpAnswer {
  const uuid = url.searchParams.get("tempCartUUID") ?? ""
  const entry = state.tempCarts.get(uuid)
  if (!entry) return page(404, "Cart not found", `<h1>Cart not found</h1><p>No temp cart ${escapeHtml(uuid)} in this sandbox.</p>`)
  const items = cartItems(entry)
  const quote = quoteCheckout(items)
  const country = (url.searchParams.get("country") ?? "GB").toUpperCase()
  const rows = items
    .map(
      (item) =>
        `<tr data-sku="${escapeHtml(item.sku)}"><td>${escapeHtml(item.description)}</td><td>${escapeHtml(item.quantity)}</td><td>${escapeHtml(
          money(toCents(item.unitPrice) ?? 0)
        )}</td></tr>`
    )
    .join("")
  const grand = quote.itemsCents + quote.shippingCents + quote.duty + quote.vatTax
  const countries = Object.keys(SHOPPERS)
    .map((code) => `<option value="${code}"${code === country ? " selected" : ""}>${code}</option>`)
    .join("")
  const outcomes = CHECKOUT_OUTCOMES.map(
    (outcome, index) =>
      `<label><input type="radio" name="outcome" value="${outcome}"${index === 0 ? " checked" : ""}> ${escapeHtml(OUTCOME_LABELS[outcome])}</label><br>`
  ).join("")
  const paid = entry.orderId ? `<p id="already-paid">Already paid: order ${escapeHtml(entry.orderId)}</p>` : ""
  return page(
    200,
    "Zonos Checkout (sandbox)",
    `<h1>Zonos Checkout (sandbox)</h1>${paid}
<table id="items"><thead><tr><th>Item</th><th>Qty</th><th>Unit price (USD)</th></tr></thead><tbody>${rows}</tbody></table>
<p>Items <span id="items-total">${money(quote.itemsCents)}</span>, shipping <span id="shipping-total">${money(
      quote.shippingCents
    )}</span>, duties &amp; taxes <span id="duties-total">${money(quote.duty + quote.vatTax)}</span>, total <span id="grand-total">${money(grand)}</span></p>
<form method="post" action="${CHECKOUT_PAY_PATH}">
<input type="hidden" name="tempCartUUID" value="${escapeHtml(entry.uuid)}">
<label>Name <input name="name" value="${escapeHtml(SHOPPERS[country]?.name ?? SHOPPERS.GB.name)}"></label><br>
<label>Email <input name="email" value="shopper@example.com"></label><br>
<label>Ship to <select name="country">${countries}</select></label><br>
${outcomes}
<button type="submit" id="pay">Pay</button>
</form>
${entry.cart.contShoppingURL ? `<p><a href="${escapeHtml(entry.cart.contShoppingURL)}">Continue shopping</a></p>` : ""}`
  )
}

/**
 * POST /checkout/pay (a form): makes the Zonos order from the temp cart (its items, its
 * referenceId, its misc fields; deterministic shipping and duties, so grandTotal = items +
 * shipping + duties - discounts) and sends the browser to externalConfirmationPageURL?orderId=,
 * as Zonos does. Paying the same temp cart again lands on the same order.
 */
export function payCheckout(state: SandboxState, rawBody: string): HttpAnswer {
  const form = new URLSearchParams(rawBody)
  const entry = state.tempCarts.get(form.get("tempCartUUID") ?? "")
  if (!entry) return page(404, "Cart not found", "<h1>Cart not found</h1>")
  const outcomeField = form.get("outcome") ?? "normal"
  const outcome = CHECKOUT_OUTCOMES.find((candidate) => candidate === outcomeField)
  if (!outcome) return page(400, "Bad choice", `<h1>Unknown choice ${escapeHtml(outcomeField)}</h1>`)

  if (!entry.orderId) {
    const country = (form.get("country") ?? "GB").toUpperCase()
    const shopper = SHOPPERS[country] ?? SHOPPERS.GB
    const items = cartItems(entry)
    const quote = quoteCheckout(items)
    const fields: JsonObject = {
      ...shopper,
      name: form.get("name") || shopper.name,
      email: form.get("email") || "shopper@example.com",
      countryCode: SHOPPERS[country] ? country : "GB",
      referenceId: entry.cart.referenceId ?? null,
      items,
      shippingTotal: money(quote.shippingCents),
      dutyTaxesBreakdown: { duty: money(quote.duty), vatTax: money(quote.vatTax) },
      orderStatus: outcome === "fraud_review" ? IGLOBAL_FRAUD_REVIEW : IGLOBAL_ORDER_IN_PROCESS,
      cslListMatch: outcome === "csl_match",
      testOrder: outcome === "test_order",
    }
    for (const key of ["misc1", "misc2", "misc3", "misc4", "misc5", "misc6"]) {
      if (entry.cart[key] !== undefined) fields[key] = entry.cart[key]
    }
    const order = state.addOrder(fields)
    entry.orderId = String(order.orderId)
  }

  const confirmation = typeof entry.cart.externalConfirmationPageURL === "string" ? entry.cart.externalConfirmationPageURL : ""
  if (!confirmation) {
    return page(200, "Thank you", `<h1>Thank you</h1><p id="order-id">${escapeHtml(entry.orderId)}</p>`)
  }
  const location = new URL(confirmation)
  location.searchParams.set("orderId", entry.orderId)
  return { status: 303, contentType: "text/plain;charset=utf-8", body: "", headers: { Location: location.toString() } }
}

/** The temp cart's items as Zonos echoes them in orderDetail (unknown keys kept). */
function cartItems(entry: TempCart): JsonObject[] {
  const items = entry.cart.items
  return Array.isArray(items) ? items.filter(isJsonObject) : []
}
