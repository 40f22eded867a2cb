import fs from "node:fs"
import path from "node:path"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { seedZonosDemoStore } from "./lib/seed-store"

const DEMO_KEY_TITLE = "Zonos demo storefront"

/**
 * `medusa exec ./scripts/seed-dev-store.ts`: run by `npm run dev`. Seeds the store and makes a
 * publishable key for the demo sale (cart -> Zonos checkout), whose token `npm run dev` reads
 * from .medusa/ (a dot-folder: writing there does not restart `medusa develop`).
 */
export default async function seedDevStore({ container }: ExecArgs) {
  const { region_id } = await seedZonosDemoStore(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "title", "revoked_at"],
    filters: { title: DEMO_KEY_TITLE, type: "publishable" },
  })
  let token = keys.find((key) => !key.revoked_at)?.token
  if (!token) {
    const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
    const {
      result: [key],
    } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: DEMO_KEY_TITLE, type: "publishable", created_by: "npm run dev" }] },
    })
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannel.id] } })
    token = key.token
  }
  fs.mkdirSync(path.join(process.cwd(), ".medusa"), { recursive: true })
  fs.writeFileSync(path.join(process.cwd(), ".medusa", "zonos-demo.json"), JSON.stringify({ publishable_key: token, region_id }))
  console.log(`[dev] store seeded (region ${region_id}, demo publishable key ready)`)
}
