import fs from "node:fs"
import os from "node:os"

/**
 * Where the machine's CPU went while the bench measured something: the whole machine, each
 * store process (with its descendants), PostgreSQL, and this bench process (the sandbox that
 * plays Zonos runs in it). On 2 cores, this is what says whether a rate is bound by the CPU
 * (then a second worker process can only share what is left) or by waiting.
 */

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100

type ProcessTicks = { ppid: number; comm: string; ticks: number; reaped: number }
type Snapshot = { at: number; busy: number; total: number; processes: Map<number, ProcessTicks> }

function snapshot(): Snapshot {
  const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/)
  const values = fields.map(Number)
  const total = values.reduce((sum, value) => sum + value, 0)
  // idle and iowait are not work.
  const busy = total - values[3] - (values[4] ?? 0)
  const processes = new Map<number, ProcessTicks>()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))
      // After "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), 1-based from pid.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      processes.set(Number(entry), {
        ppid: Number(rest[1]),
        comm,
        ticks: Number(rest[11]) + Number(rest[12]),
        reaped: Number(rest[13]) + Number(rest[14]),
      })
    } catch {
      // gone between the listing and the read
    }
  }
  return { at: Date.now(), busy, total, processes }
}

function treeTicks(processes: Map<number, ProcessTicks>, root: number): number {
  const members = new Set([root])
  // Parents are listed before their children in /proc (lower pids) except after pid wrap: loop until stable.
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, each] of processes) {
      if (!members.has(pid) && members.has(each.ppid)) {
        members.add(pid)
        grew = true
      }
    }
  }
  let ticks = 0
  for (const pid of members) ticks += processes.get(pid)?.ticks ?? 0
  return ticks
}

/** PostgreSQL's processes: the postmaster, its backends, and what backends that ended used (reaped by the postmaster). */
function postgresTicks(processes: Map<number, ProcessTicks>): number {
  let ticks = 0
  for (const [, each] of processes) {
    if (each.comm !== "postgres") continue
    ticks += each.ticks
    if (processes.get(each.ppid)?.comm !== "postgres") ticks += each.reaped
  }
  return ticks
}

export type CpuUse = { seconds: number; machine: number; processes: Record<string, number>; postgres: number; bench: number }

/** Starts counting; the function it answers stops and says how many cores each part used on average. */
export function watchCpu(processes: Record<string, number>): () => CpuUse {
  const before = snapshot()
  return () => {
    const after = snapshot()
    const seconds = (after.at - before.at) / 1000
    const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds
    const each: Record<string, number> = {}
    for (const [name, pid] of Object.entries(processes)) {
      each[name] = cores(treeTicks(after.processes, pid) - treeTicks(before.processes, pid))
    }
    return {
      seconds,
      machine: ((after.busy - before.busy) / (after.total - before.total)) * os.cpus().length,
      processes: each,
      postgres: cores(postgresTicks(after.processes) - postgresTicks(before.processes)),
      // The bench process alone: the store processes are its children.
      bench: cores((after.processes.get(process.pid)?.ticks ?? 0) - (before.processes.get(process.pid)?.ticks ?? 0)),
    }
  }
}

/** No time measured yet: what addCpu starts from. */
export const noCpu = (): CpuUse => ({ seconds: 0, machine: 0, processes: {}, postgres: 0, bench: 0 })

/** Two measurements as one: each average weighted by the time it was taken over. */
export function addCpu(a: CpuUse, b: CpuUse): CpuUse {
  const seconds = a.seconds + b.seconds
  const mean = (x: number, y: number) => (seconds ? (x * a.seconds + y * b.seconds) / seconds : 0)
  const names = new Set([...Object.keys(a.processes), ...Object.keys(b.processes)])
  return {
    seconds,
    machine: mean(a.machine, b.machine),
    processes: Object.fromEntries([...names].map((name) => [name, mean(a.processes[name] ?? 0, b.processes[name] ?? 0)])),
    postgres: mean(a.postgres, b.postgres),
    bench: mean(a.bench, b.bench),
  }
}

/** "1.62 of 2 cores busy: worker 0.91, PostgreSQL 0.48, bench + sandbox 0.12". */
export function cpuText(use: CpuUse): string {
  const parts = [
    ...Object.entries(use.processes).map(([name, cores]) => `${name} ${cores.toFixed(2)}`),
    `PostgreSQL ${use.postgres.toFixed(2)}`,
    `bench + sandbox ${use.bench.toFixed(2)}`,
  ]
  return `${use.machine.toFixed(2)} of ${os.cpus().length} cores busy: ${parts.join(", ")}`
}
