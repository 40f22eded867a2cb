import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The store process's memory, for the bench (never shipped): after a full garbage collection
 * when the bench started the server with --expose-gc, so `heap_used_mb` is what is still held,
 * not what the collector has not got round to freeing yet.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  const collect: unknown = Reflect.get(globalThis, "gc")
  if (typeof collect === "function") collect()
  const usage = process.memoryUsage()
  const toMb = (bytes: number) => Math.round(bytes / 2 ** 20)
  res.json({ rss_mb: toMb(usage.rss), heap_used_mb: toMb(usage.heapUsed), heap_total_mb: toMb(usage.heapTotal), external_mb: toMb(usage.external) })
}
