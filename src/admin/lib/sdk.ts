import Medusa from "@medusajs/js-sdk"

// The bundler replaces these globals when the dashboard is built; `typeof` keeps the
// code safe if a host leaves one undefined.
const backendUrl = typeof __BACKEND_URL__ === "undefined" ? undefined : __BACKEND_URL__
const authType = typeof __AUTH_TYPE__ === "undefined" ? undefined : __AUTH_TYPE__
const jwtTokenStorageKey =
  typeof __JWT_TOKEN_STORAGE_KEY__ === "undefined" ? undefined : __JWT_TOKEN_STORAGE_KEY__

/** The admin's JS SDK client: same backend and same session as the dashboard around it. */
export const sdk = new Medusa({
  baseUrl: backendUrl || "/",
  auth: {
    type: authType ?? "session",
    jwtTokenStorageKey: jwtTokenStorageKey || undefined,
  },
})
