/**
 * The development store: a Medusa app that loads this plugin straight from `src/`
 * (Medusa loads a project's own `src/` as its extensions, so the plugin's module is
 * registered here by path). Used by `npm run dev` and the HTTP integration tests.
 * Not shipped: merchants register the plugin as shown in the README.
 */
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

/**
 * Which part of the work this process does (Medusa's workerMode): "server" answers HTTP only,
 * "worker" runs the scheduled sweep and handles events (the sweep's orders) only, "shared" both.
 * Production runs one or more servers and one or more workers on the same Redis (README,
 * "Production layout").
 */
function workerModeFrom(value: string | undefined): "shared" | "worker" | "server" {
  return value === "worker" || value === "server" ? value : "shared"
}
const workerMode = workerModeFrom(process.env.MEDUSA_WORKER_MODE)

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    // A worker serves no HTTP, so it has no dashboard to build or serve.
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true" || workerMode === "worker",
  },
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [{ resolve: "./src/providers/zonos-payment", id: "zonos" }],
      },
    },
    {
      resolve: "./src/modules/zonos",
      options: {
        storeId: process.env.ZONOS_STORE_ID,
        secret: process.env.ZONOS_SECRET,
        apiUrl: process.env.ZONOS_API_URL,
        timeoutMs: process.env.ZONOS_TIMEOUT_MS,
        maxRetries: process.env.ZONOS_MAX_RETRIES,
        storefrontSuccessUrl: process.env.ZONOS_STOREFRONT_SUCCESS_URL,
        successPageWaitMs: process.env.ZONOS_SUCCESS_PAGE_WAIT_MS,
        successPageMaxInFlight: process.env.ZONOS_SUCCESS_PAGE_MAX_IN_FLIGHT,
        checkoutMaxInFlight: process.env.ZONOS_CHECKOUT_MAX_IN_FLIGHT,
        currency: process.env.ZONOS_CURRENCY,
        regionId: process.env.ZONOS_REGION_ID,
        salesChannelId: process.env.ZONOS_SALES_CHANNEL_ID,
        checkoutUrl: process.env.ZONOS_CHECKOUT_URL,
        backendUrl: process.env.ZONOS_BACKEND_URL,
        continueShoppingUrl: process.env.ZONOS_CONTINUE_SHOPPING_URL,
        productUrlTemplate: process.env.ZONOS_PRODUCT_URL_TEMPLATE,
        sweepStopAfterFailures: process.env.ZONOS_SWEEP_STOP_AFTER_FAILURES,
        sweepStaleSeconds: process.env.ZONOS_SWEEP_STALE_SECONDS,
        sweepConcurrency: process.env.ZONOS_SWEEP_CONCURRENCY,
      },
    },
    // With Redis, the processes share their events (BullMQ: any worker takes a sweep's orders, and
    // a dead worker's are given to another), their workflow executions and their locks.
    ...(redisUrl
      ? [
          {
            resolve: "@medusajs/medusa/event-bus-redis",
            // Events a worker handles at once: sweepConcurrency's default, which bounds the imports anyway.
            options: { redisUrl, workerOptions: { concurrency: 4 } },
          },
          {
            resolve: "@medusajs/medusa/workflow-engine-redis",
            options: { redis: { redisUrl } },
          },
          {
            resolve: "@medusajs/medusa/locking",
            options: {
              providers: [
                {
                  resolve: "@medusajs/medusa/locking-redis",
                  id: "locking-redis",
                  is_default: true,
                  options: { redisUrl },
                },
              ],
            },
          },
        ]
      : []),
  ],
})
