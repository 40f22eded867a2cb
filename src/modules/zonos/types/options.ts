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
   * URL or a path on the backend. Gets `order_id`, `zonos_order_id` and `outcome`.
   */
  storefrontSuccessUrl: z.string().trim().min(1).default("/zonos/thank-you"),
  /** How long the success page waits for the import before answering "processing". */
  successPageWaitMs: positiveInt("successPageWaitMs").default(8_000),
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
  /** How far back the first sweep looks, in days (later sweeps start from the last good one). */
  sweepLookbackDays: positiveInt("sweepLookbackDays").max(90, "sweepLookbackDays must be 90 or less").default(14),
})

/** Options as written by the merchant (before defaults). */
export type ZonosPluginOptions = z.input<typeof zonosOptionsSchema>
/** Options after validation, with defaults applied. */
export type ZonosOptions = z.output<typeof zonosOptionsSchema>
/** What may be shown in the admin: everything except the secret. */
export type ZonosPublicSettings = Omit<ZonosOptions, "secret">
