import { FIRST_ORDER_NUMBER } from "./constants"
import { HOUR_MS } from "./dates"
import { JsonObject } from "./json"
import { AmountFormat } from "./money"
import { completeOrder, ZonosOrder } from "./order-builder"
import {
  IGLOBAL_FRAUD_REVIEW,
  IGLOBAL_LABELS_PROCESSING,
  IGLOBAL_ORDER_CANCELLED,
  IGLOBAL_ORDER_IN_PROCESS,
  IGLOBAL_ORDER_ON_HOLD,
} from "./order-statuses"

/**
 * One seeded order: its fields (amounts in USD; totals are computed by completeOrder),
 * how long before the sandbox start it was placed, and how its amounts are written.
 */
interface SeedSpec {
  /** What this order exists to exercise. */
  covers: string
  hoursAgo: number
  /** Minutes after the order date at which the status last changed. */
  statusAfterMinutes?: number
  amountFormat: AmountFormat
  fields: JsonObject
}

function shipTo(
  name: string,
  address: { address1: string; address2?: string; city: string; state: string; zip: string; countryCode: string },
  contact: { email: string; phone: string; company?: string },
): JsonObject {
  return {
    name,
    company: contact.company ?? "",
    email: contact.email,
    phone: contact.phone,
    address1: address.address1,
    address2: address.address2 ?? "",
    city: address.city,
    state: address.state,
    zip: address.zip,
    countryCode: address.countryCode,
  }
}

/** Billing fields copied from the shipping contact (what most shoppers end up with). */
function billingSameAs(shipping: JsonObject): JsonObject {
  const billing: JsonObject = {}
  for (const key of ["name", "company", "email", "phone", "address1", "address2", "city", "state", "zip", "countryCode"]) {
    billing[`billing${key[0].toUpperCase()}${key.slice(1)}`] = shipping[key]
  }
  return billing
}

function note(text: string, customerNote: boolean, extra: JsonObject = {}): JsonObject {
  return { note: text, customerNote, flagged: false, createdByUser: customerNote ? "customer" : "zonos", ...extra }
}

function breakdown(parts: Partial<Record<string, number>>): JsonObject {
  return {
    duty: parts.duty ?? 0,
    vatTax: parts.vatTax ?? 0,
    brokerageFee: parts.brokerageFee ?? 0,
    dispursementFee: parts.dispursementFee ?? 0,
    vatOnDispursementFee: parts.vatOnDispursementFee ?? 0,
    prepaymentFee: parts.prepaymentFee ?? 0,
  }
}

const gb = shipTo(
  "Oliver Bennett",
  { address1: "27 Marylebone High Street", address2: "Flat 4", city: "London", state: "Greater London", zip: "W1U 4PJ", countryCode: "GB" },
  { email: "oliver.bennett@example.co.uk", phone: "+44 20 7946 0321" },
)
const de = shipTo(
  "Lukas Schneider",
  { address1: "Torstraße 112", city: "Berlin", state: "Berlin", zip: "10119", countryCode: "DE" },
  { email: "lukas.schneider@example.de", phone: "+49 30 901820" },
)
const ca = shipTo(
  "Émilie Tremblay",
  { address1: "4521 Rue Saint-Denis", city: "Montréal", state: "QC", zip: "H2J 2L4", countryCode: "CA" },
  { email: "emilie.tremblay@example.ca", phone: "+1 514 555 0142" },
)
const au = shipTo(
  "Jack Wilson",
  { address1: "88 George Street", address2: "Level 12", city: "Sydney", state: "NSW", zip: "2000", countryCode: "AU" },
  { email: "jack.wilson@example.com.au", phone: "+61 2 5550 1234" },
)
const jp = shipTo(
  "Yuki Tanaka",
  { address1: "2-21-1 Shibuya", address2: "Shibuya Hikarie 11F", city: "Shibuya-ku", state: "Tokyo", zip: "150-8510", countryCode: "JP" },
  { email: "yuki.tanaka@example.jp", phone: "+81 3 5555 0199" },
)
const hk = shipTo(
  "Wong Ka Ming",
  { address1: "Flat 12B, Harbour View Tower", address2: "28 Queen's Road Central", city: "Central", state: "Hong Kong Island", zip: "", countryCode: "HK" },
  { email: "kaming.wong@example.hk", phone: "+852 5555 0188" },
)
const es = shipTo(
  "Maria de la Cruz Santos",
  { address1: "Calle de Alcalá 45", address2: "3º Izquierda", city: "Madrid", state: "Madrid", zip: "28014", countryCode: "ES" },
  { email: "maria.delacruz@example.es", phone: "+34 915 550 123" },
)
const fr = shipTo(
  "Camille Martin",
  { address1: "14 Rue Oberkampf", city: "Paris", state: "Île-de-France", zip: "75011", countryCode: "FR" },
  { email: "camille.martin@example.fr", phone: "+33 1 55 55 01 23" },
)
const ae = shipTo(
  "Omar Al Mansoori",
  { address1: "Villa 17, Street 23", address2: "Al Wasl", city: "Dubai", state: "Dubai", zip: "", countryCode: "AE" },
  { email: "omar.almansoori@example.ae", phone: "+971 4 555 0177" },
)
const nz = shipTo(
  "Aroha Ngata",
  { address1: "150 Ponsonby Road", city: "Auckland", state: "Auckland", zip: "1011", countryCode: "NZ" },
  { email: "aroha.ngata@example.co.nz", phone: "+64 9 555 0110" },
)
const ie = shipTo(
  "Siobhán O'Connor",
  { address1: "9 Merrion Square North", city: "Dublin 2", state: "Dublin", zip: "D02 X285", countryCode: "IE" },
  { email: "siobhan.oconnor@example.ie", phone: "+353 1 555 0166" },
)
const sg = shipTo(
  "Tan Wei Ling",
  { address1: "391 Orchard Road", address2: "#12-01 Ngee Ann City", city: "Singapore", state: "", zip: "238872", countryCode: "SG" },
  { email: "weiling.tan@example.sg", phone: "+65 6555 0135" },
)

const SEEDS: SeedSpec[] = [
  {
    covers: "GB/GBP, ready to fulfil, two items with sku and productId, customer note",
    hoursAgo: 3,
    amountFormat: "number",
    fields: {
      ...gb,
      ...billingSameAs(gb),
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      items: [
        {
          productId: "prod_01SHIRTOXFORD", sku: "SHIRT-M", description: "Oxford Shirt - Size: M", quantity: 2, unitPrice: 45,
          itemCustomization: "variant_01SHIRTOXFORDM", itemBrand: "Northwind Apparel", itemCategory: "Shirts",
          itemHSCode: "6205.20", countryOfOrigin: "US", weight: 0.6, weightUnits: "LB",
        },
        {
          productId: "prod_01BELTLEATHER", sku: "BELT-BRN-32", description: "Leather Belt - Brown, 32", quantity: 1, unitPrice: 38.5,
          itemCustomization: "variant_01BELTBRN32", itemBrand: "Northwind Apparel", itemCategory: "Accessories",
          itemHSCode: "4203.30", countryOfOrigin: "MX", weight: 0.5, weightUnits: "LB",
        },
      ],
      shippingTotal: 22.95,
      dutyTaxesBreakdown: breakdown({ vatTax: 30.29 }),
      customerSelectedShippingName: "UPS Worldwide Expedited",
      shippingCarrierServiceLevel: "UPS_WORLDWIDE_EXPEDITED",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "VISA", lastFour: "4242" },
      notes: [note("Please leave with the concierge if I am out.", true)],
      optInEmail: true,
    },
  },
  {
    covers: "DE/EUR, discount item (negative unitPrice, no productId), duties and taxes with fees, amounts as strings",
    hoursAgo: 6,
    amountFormat: "string",
    fields: {
      ...de,
      ...billingSameAs(de),
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      items: [
        {
          productId: "prod_01SWEATERMERINO", sku: "MERINO-CREW-L", description: "Merino Crew Sweater - Size: L", quantity: 1, unitPrice: 120,
          itemBrand: "Northwind Apparel", itemCategory: "Knitwear", itemHSCode: "6110.11", countryOfOrigin: "PT", weight: 0.9, weightUnits: "LB",
        },
        {
          productId: "prod_01SOCKSWOOL", sku: "SOCKS-3PK", description: "Wool Socks 3-Pack", quantity: 2, unitPrice: 18,
          itemBrand: "Northwind Apparel", itemCategory: "Socks", itemHSCode: "6115.94", countryOfOrigin: "US", weight: 0.3, weightUnits: "LB",
        },
        { sku: "", description: "Discount: 10% off knitwear", quantity: 1, unitPrice: -12 },
      ],
      shippingTotal: 29.5,
      dutyTaxesBreakdown: breakdown({ duty: 17.28, vatTax: 36.25, brokerageFee: 4.5, dispursementFee: 1.25, vatOnDispursementFee: 0.24, prepaymentFee: 2.5 }),
      customerSelectedShippingName: "DHL Express Worldwide",
      shippingCarrierServiceLevel: "DHL_EXPRESS",
      paymentProcessing: { paymentGateway: "BRAINTREE", paymentProcessor: "BRAINTREE", cardType: "MASTERCARD", lastFour: "5100" },
    },
  },
  {
    covers: "CA/CAD, promoCode, separate billing address with company, unknown extra keys",
    hoursAgo: 9,
    amountFormat: "number",
    fields: {
      ...ca,
      billingName: "Émilie Tremblay",
      billingCompany: "Atelier Tremblay Design Inc.",
      billingEmail: "compta@atelier-tremblay.example.ca",
      billingPhone: "+1 418 555 0190",
      billingAddress1: "1020 Avenue Cartier",
      billingAddress2: "Bureau 300",
      billingCity: "Québec",
      billingState: "QC",
      billingZip: "G1R 2S4",
      billingCountryCode: "CA",
      billingCountryName: "Canada",
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      items: [
        {
          productId: "prod_01BAGWEEKENDER", sku: "BAG-WKND-NAT", description: "Canvas Weekender Bag - Natural", quantity: 1, unitPrice: 145,
          itemBrand: "Harbor & Pine", itemCategory: "Bags", itemHSCode: "4202.92", countryOfOrigin: "US", weight: 2.1, weightUnits: "LB",
        },
      ],
      shippingTotal: 34,
      dutyTaxesBreakdown: breakdown({ duty: 25.38, vatTax: 22.33, brokerageFee: 9.95 }),
      promoCode: { code: "WELCOME10", amount: 10 },
      customerSelectedShippingName: "FedEx International Priority",
      shippingCarrierServiceLevel: "FEDEX_IPD",
      paymentProcessing: { paymentGateway: "iGlobal_CC", paymentProcessor: "CYBERSOURCE", cardType: "AMEX", lastFour: "0005" },
      notes: [note("Gift - please do not include prices.", true)],
      giftWrap: true,
      loyaltyTier: "gold",
    },
  },
  {
    covers: "AU/AUD, IGLOBAL_FRAUD_REVIEW, billing country differs from shipping, flagged internal note",
    hoursAgo: 14,
    amountFormat: "number",
    fields: {
      ...au,
      billingName: "Jack Wilson",
      billingEmail: "jack.wilson@example.com.au",
      billingPhone: "+1 305 555 0147",
      billingAddress1: "1200 Brickell Avenue",
      billingAddress2: "Suite 1950",
      billingCity: "Miami",
      billingState: "FL",
      billingZip: "33131",
      billingCountryCode: "US",
      billingCountryName: "United States",
      orderStatus: IGLOBAL_FRAUD_REVIEW,
      items: [
        {
          productId: "prod_01SHOETRAIL", sku: "SHOE-TRL-10", description: "Trail Running Shoes - Size: 10", quantity: 2, unitPrice: 139,
          itemBrand: "Summit Outfitters", itemCategory: "Footwear", itemHSCode: "6404.11", countryOfOrigin: "VN", weight: 1.8, weightUnits: "LB",
        },
      ],
      shippingTotal: 48,
      dutyTaxesBreakdown: breakdown({ duty: 13.9, vatTax: 32.6 }),
      customerSelectedShippingName: "DHL Express Worldwide",
      shippingCarrierServiceLevel: "DHL_EXPRESS",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "VISA", lastFour: "1881" },
      notes: [note("Billing and shipping countries differ; order held for review.", false, { flagged: true, createdByUser: "fraud-screening" })],
    },
  },
  {
    covers: "JP/JPY (zero-decimal currency), amounts as strings",
    hoursAgo: 20,
    amountFormat: "string",
    fields: {
      ...jp,
      ...billingSameAs(jp),
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      items: [
        {
          productId: "prod_01JEANSSELVEDGE", sku: "JEANS-SLV-3232", description: "Selvedge Denim Jeans - 32x32", quantity: 1, unitPrice: 168,
          itemBrand: "Northwind Apparel", itemCategory: "Denim", itemHSCode: "6203.42", countryOfOrigin: "US", weight: 1.6, weightUnits: "LB",
        },
        {
          productId: "prod_01TOTECANVAS", sku: "TOTE-CNV", description: "Canvas Tote", quantity: 1, unitPrice: 28,
          itemBrand: "Harbor & Pine", itemCategory: "Bags", itemHSCode: "4202.22", countryOfOrigin: "IN", weight: 0.5, weightUnits: "LB",
        },
      ],
      shippingTotal: 26,
      dutyTaxesBreakdown: breakdown({ duty: 14.7, vatTax: 22.23 }),
      customerSelectedShippingName: "UPS Worldwide Saver",
      shippingCarrierServiceLevel: "UPS_WWD_SAVER",
      paymentProcessing: { paymentGateway: "PAYPAL_EXPRESS", paymentProcessor: "PAYPAL", cardType: "PAYPAL", lastFour: "" },
    },
  },
  {
    covers: "HK/HKD, no postal code (empty zip), empty billingAddress1 (billing = shipping), no duties",
    hoursAgo: 27,
    amountFormat: "number",
    fields: {
      ...hk,
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      items: [
        {
          productId: "prod_01POUROVERSET", sku: "COFFEE-POUR-SET", description: "Ceramic Pour-Over Coffee Set", quantity: 1, unitPrice: 64,
          itemBrand: "Harbor & Pine", itemCategory: "Kitchen", itemHSCode: "6912.00", countryOfOrigin: "JP", weight: 2.4, weightUnits: "LB",
        },
      ],
      shippingTotal: 21,
      dutyTaxesBreakdown: breakdown({}),
      customerSelectedShippingName: "FedEx International Economy",
      shippingCarrierServiceLevel: "FEDEX_ECONOMY",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "UNIONPAY", lastFour: "0017" },
    },
  },
  {
    covers: "ES/EUR, multi-word name, discount item AND promoCode in the same order",
    hoursAgo: 33,
    amountFormat: "number",
    fields: {
      ...es,
      ...billingSameAs(es),
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      items: [
        {
          productId: "prod_01DRESSLINEN", sku: "DRESS-LIN-S", description: "Linen Wrap Dress - Size: S", quantity: 1, unitPrice: 98,
          itemBrand: "Northwind Apparel", itemCategory: "Dresses", itemHSCode: "6204.49", countryOfOrigin: "US", weight: 0.7, weightUnits: "LB",
        },
        {
          productId: "prod_01SCARFSILK", sku: "SCARF-SILK-BLU", description: "Silk Scarf - Blue", quantity: 2, unitPrice: 35.99,
          itemBrand: "Northwind Apparel", itemCategory: "Accessories", itemHSCode: "6214.10", countryOfOrigin: "IT", weight: 0.1, weightUnits: "LB",
        },
        { description: "Loyalty discount", quantity: 1, unitPrice: -9.8 },
      ],
      shippingTotal: 24,
      dutyTaxesBreakdown: breakdown({ duty: 8.81, vatTax: 40.33 }),
      promoCode: { code: "SPRING15", amount: 15 },
      customerSelectedShippingName: "UPS Worldwide Express",
      shippingCarrierServiceLevel: "UPS_WORLDWIDE_EXPRESS",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "VISA", lastFour: "3220" },
      nationalIdentifier: "12345678Z",
    },
  },
  {
    covers: "FR/EUR, test order (testOrder: true)",
    hoursAgo: 40,
    amountFormat: "number",
    fields: {
      ...fr,
      ...billingSameAs(fr),
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      testOrder: true,
      items: [
        {
          productId: "prod_01CAPBASEBALL", sku: "CAP-NVY", description: "Baseball Cap - Navy", quantity: 1, unitPrice: 29,
          itemBrand: "Summit Outfitters", itemCategory: "Hats", itemHSCode: "6505.00", countryOfOrigin: "CN", weight: 0.2, weightUnits: "LB",
        },
      ],
      shippingTotal: 15,
      dutyTaxesBreakdown: breakdown({ vatTax: 8.8 }),
      customerSelectedShippingName: "DHL Global Mail",
      shippingCarrierServiceLevel: "DHL_GLOBAL_MAIL",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "VISA", lastFour: "4242" },
      notes: [note("TEST ORDER - placed by the store owner", false)],
    },
  },
  {
    covers: "AE/AED, Consolidated Screening List match (cslListMatch: true), no postal code",
    hoursAgo: 46,
    amountFormat: "number",
    fields: {
      ...ae,
      ...billingSameAs(ae),
      orderStatus: IGLOBAL_ORDER_IN_PROCESS,
      cslListMatch: true,
      items: [
        {
          productId: "prod_01BANDTITANIUM", sku: "BAND-TI-42", description: "Smartwatch Band - Titanium, 42mm", quantity: 1, unitPrice: 89,
          itemBrand: "Summit Outfitters", itemCategory: "Electronics Accessories", itemHSCode: "9113.20", countryOfOrigin: "CN", weight: 0.2, weightUnits: "LB",
        },
      ],
      shippingTotal: 31,
      dutyTaxesBreakdown: breakdown({ duty: 6, vatTax: 6.3 }),
      customerSelectedShippingName: "DHL Express Worldwide",
      shippingCarrierServiceLevel: "DHL_EXPRESS",
      paymentProcessing: { paymentGateway: "iGlobal_CC", paymentProcessor: "CYBERSOURCE", cardType: "VISA", lastFour: "7712" },
    },
  },
  {
    covers: "NZ/NZD, IGLOBAL_ORDER_ON_HOLD, amounts as strings",
    hoursAgo: 52,
    statusAfterMinutes: 45,
    amountFormat: "string",
    fields: {
      ...nz,
      ...billingSameAs(nz),
      orderStatus: IGLOBAL_ORDER_ON_HOLD,
      items: [
        {
          productId: "prod_01PACK40L", sku: "PACK-40L-GRN", description: "Hiking Backpack 40L - Forest Green", quantity: 1, unitPrice: 189,
          itemBrand: "Summit Outfitters", itemCategory: "Packs", itemHSCode: "4202.92", countryOfOrigin: "VN", weight: 3.1, weightUnits: "LB",
        },
      ],
      shippingTotal: 39,
      dutyTaxesBreakdown: breakdown({ vatTax: 34.2 }),
      customerSelectedShippingName: "UPS Worldwide Expedited",
      shippingCarrierServiceLevel: "UPS_WORLDWIDE_EXPEDITED",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "MASTERCARD", lastFour: "4444" },
    },
  },
  {
    covers: "IE/EUR, IGLOBAL_ORDER_CANCELLED (status changed hours after the order)",
    hoursAgo: 60,
    statusAfterMinutes: 300,
    amountFormat: "number",
    fields: {
      ...ie,
      ...billingSameAs(ie),
      orderStatus: IGLOBAL_ORDER_CANCELLED,
      items: [
        {
          productId: "prod_01JACKETWAXED", sku: "JKT-WAX-M", description: "Waxed Cotton Jacket - Size: M", quantity: 1, unitPrice: 265,
          itemBrand: "Harbor & Pine", itemCategory: "Outerwear", itemHSCode: "6201.30", countryOfOrigin: "GB", weight: 3.4, weightUnits: "LB",
        },
      ],
      shippingTotal: 28,
      dutyTaxesBreakdown: breakdown({ duty: 31.8, vatTax: 74.71 }),
      customerSelectedShippingName: "FedEx International Priority",
      shippingCarrierServiceLevel: "FEDEX_IPD",
      paymentProcessing: { paymentGateway: "STRIPE", paymentProcessor: "STRIPE", cardType: "VISA", lastFour: "9995", transactionType: "AUTH_ONLY" },
      notes: [note("Customer asked to cancel: ordered the wrong size.", false, { createdByUser: "zonos-support" })],
    },
  },
  {
    covers: "SG/SGD, IGLOBAL_LABELS_PROCESSING, quantity 3, purchase order and misc fields",
    hoursAgo: 68,
    statusAfterMinutes: 90,
    amountFormat: "number",
    fields: {
      ...sg,
      ...billingSameAs(sg),
      orderStatus: IGLOBAL_LABELS_PROCESSING,
      items: [
        {
          productId: "prod_01SPEAKERMINI", sku: "SPK-BT-MINI", description: "Mini Bluetooth Speaker - Charcoal", quantity: 3, unitPrice: 39,
          itemBrand: "Harbor & Pine", itemCategory: "Electronics", itemHSCode: "8518.22", countryOfOrigin: "CN", weight: 0.8, weightUnits: "LB",
        },
      ],
      shippingTotal: 25,
      dutyTaxesBreakdown: breakdown({ vatTax: 12.78, brokerageFee: 5 }),
      customerSelectedShippingName: "UPS Worldwide Express Saver",
      shippingCarrierServiceLevel: "UPS_EXPRESS_SAVER",
      paymentProcessing: { paymentGateway: "iGlobal_CC", paymentProcessor: "CYBERSOURCE", cardType: "PURCHASE_ORDER", lastFour: "" },
      poNumber: "PO-77812",
      misc1: "customer_01SEEDSG",
      misc6: "medusa-plugin-zonos-sandbox",
    },
  },
]

/** One line per seeded order: its id and what it covers. */
export function describeSeedOrders(storeId: string): { orderId: string; covers: string }[] {
  return SEEDS.map((seed, index) => ({ orderId: `${storeId}-${FIRST_ORDER_NUMBER + index}`, covers: seed.covers }))
}

/**
 * The seeded orders, ids `<store>-1001` upward. Deterministic: the same orders on every
 * start, with dates relative to `now` (all within the last three days).
 */
export function buildSeedOrders(storeId: string, now: Date): ZonosOrder[] {
  return SEEDS.map((seed, index) => {
    const orderDate = now.getTime() - seed.hoursAgo * HOUR_MS - index * 7 * 60 * 1000
    const fields: JsonObject = {
      ...seed.fields,
      orderDate,
      orderStatusDate: orderDate + (seed.statusAfterMinutes ?? 0) * 60 * 1000,
    }
    return completeOrder(fields, {
      storeId,
      orderNumber: FIRST_ORDER_NUMBER + index,
      now,
      amountFormat: seed.amountFormat,
    })
  })
}
