import { ExecArgs } from "@medusajs/framework/types"
import { runZonosImport } from "../../src/workflows/zonos/helpers/run-zonos-import"

/**
 * A second Medusa instance for the multi-instance test, run with `medusa exec`:
 * boots against the same database and Redis, says "ready", waits for "go" on stdin, then
 * imports the same Zonos order `count` times at once and prints the Medusa order ids it got.
 */
export default async function importFromSecondInstance({ container, args }: ExecArgs) {
  const [zonosOrderId, count] = args
  process.stdout.write("second-instance: ready\n")
  await new Promise<void>((resolve) => {
    process.stdin.on("data", (chunk) => {
      if (String(chunk).includes("go")) resolve()
    })
  })
  const results = await Promise.all(
    Array.from({ length: Number(count) }, () =>
      runZonosImport(container, { zonos_order_id: zonosOrderId, source: "sweep" })
    )
  )
  process.stdout.write(`second-instance: ${JSON.stringify(results.map((result) => result.order_id))}\n`)
}
