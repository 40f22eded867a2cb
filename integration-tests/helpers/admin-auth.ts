import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Headers that authenticate as the admin, with a secret API key created for the test. */
export async function createAdminHeaders(container: MedusaContainer): Promise<{ headers: Record<string, string> }> {
  const apiKeys = container.resolve(Modules.API_KEY)
  const key = await apiKeys.createApiKeys({ title: "zonos tests", type: "secret", created_by: "zonos-tests" })
  return { headers: { authorization: `Basic ${Buffer.from(`${key.token}:`).toString("base64")}` } }
}
