/** Where an import was asked for. */
export type ZonosImportSource = "success_page" | "sweep" | "admin"

/** One line of a Zonos order's history, as shown in the admin. */
export type ZonosHistoryEntry = {
  at: string
  source: ZonosImportSource | "system"
  event: string
  detail?: string
}

/** How the history is stored in the record's JSON column. */
export type ZonosHistory = { entries: ZonosHistoryEntry[] }

const MAX_HISTORY = 50

/** Returns the history with one entry added (oldest first, capped so a row cannot grow forever). */
export function appendHistory(history: unknown, entry: ZonosHistoryEntry): ZonosHistory {
  return { entries: [...historyEntries(history), entry].slice(-MAX_HISTORY) }
}

/** The entries of a stored history (an empty list for anything else). */
export function historyEntries(history: unknown): ZonosHistoryEntry[] {
  const entries = typeof history === "object" && history !== null && "entries" in history ? history.entries : []
  return Array.isArray(entries) ? entries.filter(isHistoryEntry) : []
}

function isHistoryEntry(value: unknown): value is ZonosHistoryEntry {
  return typeof value === "object" && value !== null && "at" in value && "event" in value
}
