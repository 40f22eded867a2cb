import fs from "node:fs"

/**
 * Where a V8 CPU profile's time went, by who owns the code: the plugin (its build's src/...),
 * each package under node_modules, Node itself; and the functions with the most self time.
 * Read by `npm run bench` with BENCH_CPU_PROFILE=1 (the profiles are left in the bench's log
 * directory for Chrome's DevTools).
 */
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }

function ownerOf(url: string): string {
  if (!url) return "(V8: GC, idle, native)"
  if (url.startsWith("node:")) return "node"
  const modules = url.lastIndexOf("node_modules/")
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/")
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const src = url.indexOf("/src/")
  return src >= 0 ? `plugin ${url.slice(src + 1).split("/").slice(0, 3).join("/")}` : url
}

export function summariseProfile(file: string, top = 12): string[] {
  const profile: CpuProfile = JSON.parse(fs.readFileSync(file, "utf8"))
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1
  const byOwner = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    if (!hits) continue
    const owner = ownerOf(node.callFrame.url)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + hits)
    const name = `${node.callFrame.functionName || "(anonymous)"} ${owner} :${node.callFrame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits)
  }
  const pct = (hits: number) => `${((100 * hits) / total).toFixed(1)}%`
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
  return [
    `${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, ${total} samples`,
    "  self time by owner:",
    ...sorted(byOwner).map(([owner, hits]) => `    ${pct(hits).padStart(6)}  ${owner}`),
    "  functions with the most self time:",
    ...sorted(byFunction).map(([name, hits]) => `    ${pct(hits).padStart(6)}  ${name}`),
  ]
}
