import { z } from "@medusajs/framework/zod"

/**
 * The plugin's options, as a merchant writes them in `medusa-config.ts`
 * (`plugins: [{ resolve: "medusa-plugin-zonos", options }]`).
 *
 * Numbers and booleans may also arrive as strings (values read from env).
 * Every message below names the option and never repeats the value it got,
 * so a mistyped secret never lands in a log line.
 */
const positiveInt = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be greater than 0`)

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((value) => value === true || value === "true" || value === "1")

export const zonosOptionsSchema = z.object({
  /** Your Zonos (iGlobal) store id, e.g. "999". */
  storeId: z
    .union([z.string(), z.number()], { error: "storeId is required" })
    .transform((value) => String(value).trim())
    .pipe(z.string().regex(/^\d{1,10}$/, "storeId must be the numeric Zonos store id")),
  /** The API secret (a GUID) Zonos issued for the store. Never logged. */
  secret: z
    .string({ error: "secret is required" })
    .trim()
    .min(1, "secret is required"),
  /** Base URL of the Zonos order API. */
  apiUrl: z
    .url({ error: "apiUrl must be an http(s) URL", protocol: /^https?$/ })
    .default("https://api.iglobalstores.com"),
  /** Time allowed for one Zonos call, in milliseconds. */
  timeoutMs: positiveInt("timeoutMs").default(10_000),
  /** Retries after a network error, a timeout or a Zonos 5xx (never after a 4xx). */
  maxRetries: z.coerce
    .number({ error: "maxRetries must be a whole number" })
    .int("maxRetries must be a whole number")
    .min(0, "maxRetries must be 0 or more")
    .max(10, "maxRetries must be 10 or less")
    .default(3),
  /**
   * Where the success-page route sends the shopper after the import: an absolute
   * URL or a path on the backend. Gets `zonos_order_id` only: the route is public, so it
   * hands out nothing a stranger could not have typed (the storefront asks
   * `GET /store/zonos/orders?cart_id=` for the order).
   */
  storefrontSuccessUrl: z.string().trim().min(1).default("/zonos/thank-you"),
  /** How long the success page waits for the import before redirecting (the import goes on). */
  successPageWaitMs: positiveInt("successPageWaitMs").default(8_000),
  /**
   * Imports the public success page may have in flight at once, per server process (a bound on
   * what anonymous traffic can make the store ask Zonos; not per client address, since behind a
   * proxy every shopper shares one). Past it the shopper is redirected at once and the sweep
   * imports the order.
   */
  successPageMaxInFlight: positiveInt("successPageMaxInFlight").max(100, "successPageMaxInFlight must be 100 or less").default(8),
  /**
   * Checkouts `POST /store/zonos/checkout` may be starting at once, per server process. The
   * publishable key that opens the route ships in every storefront bundle, so this bounds what
   * anyone can make the store ask of Zonos's createTempCart; past it the route answers 429.
   */
  checkoutMaxInFlight: positiveInt("checkoutMaxInFlight").max(100, "checkoutMaxInFlight must be 100 or less").default(8),
  /**
   * Which amounts become the Medusa order: "usd" (what Zonos settles with the
   * merchant) or "foreign" (the shopper's `foreignCurrencyCode` and `...Foreign` amounts).
   */
  currency: z
    .enum(["usd", "foreign"], { error: 'currency must be "usd" or "foreign"' })
    .default("usd"),
  /** Region for orders whose shipping country and currency match no region. */
  regionId: z.string().trim().min(1).optional(),
  /** Sales channel for imported orders (default: the store's default channel). */
  salesChannelId: z.string().trim().min(1).optional(),
  /** Hold test orders until a merchant releases them. */
  holdTestOrders: flag.default(true),
  /** Orders the sweep imports at the same time. */
  sweepConcurrency: positiveInt("sweepConcurrency").max(16, "sweepConcurrency must be 16 or less").default(4),
  /**
   * Zonos calls in a row that time out, fail with a 5xx or a network error before the sweep
   * stops (status "partial", "Zonos is not answering") and leaves the rest for the next sweep,
   * instead of spending the timeout on every order.
   */
  sweepStopAfterFailures: positiveInt("sweepStopAfterFailures")
    .max(1000, "sweepStopAfterFailures must be 1000 or less")
    .default(5),
  /**
   * Seconds a running sweep may go without handling an order before the next sweep takes it for
   * dead (every process working on it was killed) and closes it; its window is then asked again.
   */
  sweepStaleSeconds: positiveInt("sweepStaleSeconds").max(86_400, "sweepStaleSeconds must be 86400 or less").default(300),
  /** How far back the first sweep looks, in days (later sweeps start from the last good one). */
  sweepLookbackDays: positiveInt("sweepLookbackDays").max(90, "sweepLookbackDays must be 90 or less").default(14),
  /**
   * Zonos's hosted checkout page: the shopper is sent to
   * `<checkoutUrl>?store=<storeId>&tempCartUUID=<uuid>&country=<cc>`.
   */
  checkoutUrl: z
    .url({ error: "checkoutUrl must be an http(s) URL", protocol: /^https?$/ })
    .default("https://checkout.iglobalstores.com/"),
  /**
   * The backend's public URL (e.g. "https://api.shop.example"): Zonos sends the shopper to
   * `<backendUrl>/zonos/success` after paying. Without it, the URL the checkout route was
   * called on is used, which is wrong behind a proxy that rewrites the host.
   */
  backendUrl: z.url({ error: "backendUrl must be an http(s) URL", protocol: /^https?$/ }).optional(),
  /** Zonos's "continue shopping" link (contShoppingURL), e.g. the storefront's home page. */
  continueShoppingUrl: z.url({ error: "continueShoppingUrl must be an http(s) URL", protocol: /^https?$/ }).optional(),
  /**
   * Cart currencies the Zonos store is set up to price in (prices go to Zonos as they are,
   * without conversion): a cart in another currency is refused before calling Zonos.
   */
  checkoutCurrencies: z
    .array(z.string().trim().regex(/^[A-Za-z]{3}$/, "checkoutCurrencies must be ISO 4217 codes"))
    .min(1, "checkoutCurrencies needs at least one currency")
    .transform((codes) => codes.map((code) => code.toLowerCase()))
    .default(["usd"]),
  /** The storefront's product page, for Zonos's item links: "{handle}" is the product handle. */
  productUrlTemplate: z.string().trim().min(1).optional(),
  /** The unit of variants' `weight` in this store, sent to Zonos as weightUnits. */
  weightUnits: z.enum(["G", "KG", "OZ", "LB"], { error: "weightUnits must be G, KG, OZ or LB" }).default("G"),
  /** The unit of variants' length, width and height in this store. */
  dimensionUnits: z.enum(["CM", "IN"], { error: "dimensionUnits must be CM or IN" }).default("CM"),
})

/** Options as written by the merchant (before defaults). */
export type ZonosPluginOptions = z.input<typeof zonosOptionsSchema>
/** Options after validation, with defaults applied. */
export type ZonosOptions = z.output<typeof zonosOptionsSchema>
/** What may be shown in the admin: everything except the secret. */
export type ZonosPublicSettings = Omit<ZonosOptions, "secret">
