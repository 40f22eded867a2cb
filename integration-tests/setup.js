const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// The test runner boots the store with its scheduled jobs. The default schedule (every 15
// minutes) would start a real sweep in the middle of whichever spec file runs across :00, :15,
// :30 or :45: a merchant's "Run sweep now" then meets a CONFLICT and the sandbox sees calls the
// test did not make. Tests run the sweep themselves; the scheduled one is set 12 hours away.
// (Set here, before the spec file's imports, because the schedule is read when its module loads.)
if (!process.env.ZONOS_SWEEP_SCHEDULE) {
  const at = new Date(Date.now() + 12 * 60 * 60 * 1000)
  process.env.ZONOS_SWEEP_SCHEDULE = `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`
}
