import { ExecArgs } from "@medusajs/framework/types"
import { seedZonosDemoStore } from "./lib/seed-store"

/** `medusa exec ./scripts/seed-dev-store.ts`: run by `npm run dev`. */
export default async function seedDevStore({ container }: ExecArgs) {
  const { region_id } = await seedZonosDemoStore(container)
  console.log(`[dev] store seeded (region ${region_id})`)
}
