import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

/**
 * The headers a storefront sends: a publishable API key for the default sales channel. Public by
 * design (it ships in every storefront bundle), so a test's "stranger" holds one too.
 */
export async function createStoreHeaders(container: MedusaContainer): Promise<{ headers: Record<string, string> }> {
  const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "zonos storefront", type: "publishable", created_by: "zonos-tests" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannel.id] } })
  return { headers: { "x-publishable-api-key": key.token } }
}
