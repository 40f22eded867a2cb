import fs from "node:fs"
import { Session } from "node:inspector/promises"
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * A CPU profile of the store process between two calls, for the bench (never shipped):
 * POST { "action": "start" }, then POST { "action": "stop", "file": "/tmp/x.cpuprofile" } writes
 * the V8 profile (open it in Chrome's DevTools, or read bench/profile-summary.ts's table).
 */
let session: Session | null = null

export const POST = async (req: MedusaRequest<{ action?: string; file?: string }>, res: MedusaResponse) => {
  const { action, file } = req.body ?? {}
  if (action === "start") {
    session?.disconnect()
    session = new Session()
    session.connect()
    await session.post("Profiler.enable")
    // 1 ms samples: enough for a run of tens of seconds, cheap enough not to change it.
    await session.post("Profiler.setSamplingInterval", { interval: 1000 })
    await session.post("Profiler.start")
    return res.json({ profiling: true })
  }
  if (action === "stop" && session && typeof file === "string") {
    const { profile } = await session.post("Profiler.stop")
    session.disconnect()
    session = null
    fs.writeFileSync(file, JSON.stringify(profile))
    return res.json({ written: file })
  }
  res.status(400).json({ message: 'action "start", or "stop" with a file, after a start' })
}
