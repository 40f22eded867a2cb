import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InferTypeOf, Logger } from "@medusajs/framework/types"
import { generateEntityId, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { ZonosClient } from "./client"
import ZonosOrder from "./models/zonos-order"
import ZonosSweep from "./models/zonos-sweep"
import ZonosSweepItem from "./models/zonos-sweep-item"
import {
  isZonosSweepItemOutcome,
  SETTLED_STATES,
  sweepCountsFromItems,
  ZONOS_SWEEP_ITEM_KINDS,
  ZonosSweepCounts,
  ZonosSweepItemKind,
  ZonosSweepItemOutcome,
} from "./zonos-order-states"
import { WorkSlots } from "./utils/work-slots"
import { ZonosOptions, ZonosPublicSettings } from "./types/options"
import { appendHistory, ZonosImportSource } from "./utils/history"
import { InFlightLimit } from "./utils/in-flight-limit"

type InjectedDependencies = {
  logger: Logger
  zonosOptions: ZonosOptions
  manager: EntityManager
}

/** zonos_order's JSON columns: sent serialised (the driver would send an array as a PostgreSQL array). */
const ZONOS_ORDER_JSON_COLUMNS = ["history", "order_detail", "shipment_sync"] as const
type ZonosOrderJsonColumn = (typeof ZONOS_ORDER_JSON_COLUMNS)[number]
const isZonosOrderJsonColumn = (column: string): column is ZonosOrderJsonColumn =>
  ZONOS_ORDER_JSON_COLUMNS.some((json) => json === column)

/** A zonos_order row's columns, as the model types them. */
export type ZonosOrderColumns = InferTypeOf<typeof ZonosOrder>

/** Column names go into the SQL text of the plain reads and writes: only snake_case names pass. */
function assertZonosOrderColumns(columns: string[]): void {
  for (const column of columns) {
    if (!/^[a-z_]+$/.test(column)) throw new Error(`Not a zonos_order column: ${column}`)
  }
}

/** What patchZonosOrder may write: the row's own columns (not its id or timestamps), JSON ones as any value. */
export type ZonosOrderPatch = Partial<
  Omit<ZonosOrderColumns, "id" | "created_at" | "updated_at" | "deleted_at" | ZonosOrderJsonColumn>
> &
  Partial<Record<ZonosOrderJsonColumn, unknown>>

/** An order of a sweep as a worker reads it before handling it (sweepItemToHandle). */
export type ZonosSweepItemToHandle = {
  id: string
  sweep_id: string
  zonos_order_number: string
  kind: ZonosSweepItemKind
  listed_by_zonos: boolean
  /** An outcome is recorded already (a redelivered event). */
  handled: boolean
  sweep_running: boolean
  /** The sweep stopped early (Zonos not answering): its orders not yet handled are skipped. */
  sweep_stopped: boolean
}

/** A sweep's progress, counted from its rows: what the admin polls while it runs. */
export type ZonosSweepProgress = { total: number | null; done: number; skipped: number; counts: ZonosSweepCounts }

/**
 * The Zonos module: the records of every Zonos order and sweep (generated CRUD), and
 * the HTTP client for the Zonos order API, configured from the plugin options.
 */
export default class ZonosModuleService extends MedusaService({ ZonosOrder, ZonosSweep, ZonosSweepItem }) {
  readonly client: ZonosClient
  protected readonly settings_: ZonosPublicSettings
  /** Imports started by the public success page that are still running in this process. */
  readonly successPageImports: InFlightLimit
  /** Checkouts being started (createTempCart) by the store route in this process. */
  readonly checkoutStarts: InFlightLimit
  /** Sweep orders this process handles at once (the local event bus hands them all out at once). */
  readonly sweepSlots: WorkSlots
  protected readonly manager_: EntityManager

  constructor(dependencies: InjectedDependencies) {
    super(...arguments)
    const { secret, ...settings } = dependencies.zonosOptions
    this.settings_ = settings
    this.successPageImports = new InFlightLimit(settings.successPageMaxInFlight)
    this.checkoutStarts = new InFlightLimit(settings.checkoutMaxInFlight)
    this.sweepSlots = new WorkSlots(settings.sweepConcurrency)
    this.manager_ = dependencies.manager
    this.client = new ZonosClient({
      storeId: settings.storeId,
      secret,
      apiUrl: settings.apiUrl,
      timeoutMs: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      logger: dependencies.logger,
    })
  }

  /**
   * The row of a Zonos order (normalised number), made when the store first sees the id. Two
   * callers seeing a new id at once both end with the one row: the unique key refuses the second
   * insert, which then reads the first's.
   */
  async findOrCreateZonosOrder(zonosOrderNumber: string, seenBy: ZonosImportSource) {
    const [existing] = await this.listZonosOrders({ zonos_order_number: zonosOrderNumber }, { take: 1 })
    return existing ?? (await this.retrieveZonosOrder((await this.createZonosOrderOnce(zonosOrderNumber, seenBy)).record_id))
  }

  /**
   * Makes the row of an id the caller found no row for; `created` says whether this call made it
   * (false: another caller's insert won the race, and its row is answered). An import that made
   * the row knows no earlier attempt can have left a Medusa order for it.
   */
  async createZonosOrderOnce(zonosOrderNumber: string, seenBy: ZonosImportSource): Promise<{ record_id: string; created: boolean }> {
    const inserted = await this.insertZonosOrderIfNew(zonosOrderNumber, seenBy)
    if (inserted) return { record_id: inserted, created: true }
    const [winner] = await this.listZonosOrders({ zonos_order_number: zonosOrderNumber }, { take: 1, select: ["id"] })
    if (!winner) throw new Error(`The Zonos order record ${zonosOrderNumber} was neither made nor found`)
    return { record_id: winner.id, created: false }
  }

  /**
   * Makes the row of a Zonos order number the store has not seen yet, pending, with "seen" in its
   * history: the new row's id, or null when the number has a row already (then nothing changed).
   * One INSERT ... ON CONFLICT DO NOTHING, which the unique key turns into nothing for a known
   * number or for the loser of two callers racing (the generated create is a transaction of three
   * statements, and a refused one would throw).
   */
  async insertZonosOrderIfNew(zonosOrderNumber: string, seenBy: ZonosImportSource): Promise<string | null> {
    const history = appendHistory([], { at: new Date().toISOString(), source: seenBy, event: "seen" })
    const inserted: { id: string }[] = await this.manager_.execute(
      `INSERT INTO zonos_order (id, zonos_order_number, state, history) VALUES (?, ?, 'pending', ?)
         ON CONFLICT (zonos_order_number) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
      [generateEntityId(undefined, "zord"), zonosOrderNumber, JSON.stringify(history)]
    )
    return inserted[0]?.id ?? null
  }

  /**
   * Writes the given columns of one zonos_order row in a single UPDATE. The generated
   * updateZonosOrders reads the whole row first (its stored orderDetail included) and wraps the
   * write in a transaction: three statements and a large JSON parse for each of the three writes
   * every import makes. For the import path, whose steps read what they need themselves under the
   * order's lock; admin actions keep the generated method.
   */
  async patchZonosOrder(recordId: string, patch: ZonosOrderPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined)
    if (!entries.length) return
    assertZonosOrderColumns(entries.map(([column]) => column))
    const rows: unknown[] = await this.manager_.execute(
      `UPDATE zonos_order SET ${entries.map(([column]) => `${column} = ?`).join(", ")}, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL RETURNING id`,
      [...entries.map(([column, value]) => (isZonosOrderJsonColumn(column) && value !== null ? JSON.stringify(value) : value)), recordId]
    )
    if (rows.length !== 1) throw new Error(`No Zonos order record ${recordId}`)
  }

  /**
   * The given columns of one zonos_order row, in one plain SELECT: what the import's steps read
   * of their row on every import. The generated retrieve builds an entity for it (MikroORM's
   * identity map and hydration), which costs more than the read itself. Missing: NOT_FOUND, as
   * retrieve answers.
   */
  async readZonosOrderColumns<K extends keyof ZonosOrderColumns>(recordId: string, columns: K[]): Promise<Pick<ZonosOrderColumns, K>> {
    assertZonosOrderColumns(columns)
    const rows: Pick<ZonosOrderColumns, K>[] = await this.manager_.execute(
      `SELECT ${columns.join(", ")} FROM zonos_order WHERE id = ? AND deleted_at IS NULL`,
      [recordId]
    )
    if (!rows[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `ZonosOrder with id: ${recordId} was not found`)
    return rows[0]
  }

  /** The validated options without the secret: safe to show or log. */
  getSettings(): ZonosPublicSettings {
    return this.settings_
  }

  /**
   * One order a sweep handed out, with where its sweep stands, in one read: what a worker needs
   * to decide whether to handle it. Null when the row (or its sweep) is gone.
   */
  async sweepItemToHandle(itemId: string): Promise<ZonosSweepItemToHandle | null> {
    const rows: {
      id: string
      sweep_id: string
      zonos_order_number: string
      kind: string
      listed_by_zonos: boolean
      outcome: string | null
      sweep_running: boolean
      sweep_stopped: boolean
    }[] = await this.manager_.execute(
      `SELECT i.id, i.sweep_id, i.zonos_order_number, i.kind, i.listed_by_zonos, i.outcome,
              s.status = 'running' AS sweep_running, s.stopped_at IS NOT NULL AS sweep_stopped
         FROM zonos_sweep_item i JOIN zonos_sweep s ON s.id = i.sweep_id AND s.deleted_at IS NULL
        WHERE i.id = ? AND i.deleted_at IS NULL`,
      [itemId]
    )
    const row = rows[0]
    const kind = ZONOS_SWEEP_ITEM_KINDS.find((known) => known === row?.kind)
    if (!row || !kind) return null
    return {
      id: row.id,
      sweep_id: row.sweep_id,
      zonos_order_number: row.zonos_order_number,
      kind,
      listed_by_zonos: row.listed_by_zonos,
      handled: row.outcome !== null,
      sweep_running: row.sweep_running,
      sweep_stopped: row.sweep_stopped,
    }
  }

  /**
   * Sets how one order of a sweep was handled, once: a second worker handling the same order (a
   * redelivered event) changes nothing. True when this call set it.
   */
  async recordSweepItemOutcome(itemId: string, outcome: ZonosSweepItemOutcome): Promise<boolean> {
    const rows: unknown[] = await this.manager_.execute(
      `UPDATE zonos_sweep_item SET outcome = ?, handled_at = now(), updated_at = now()
        WHERE id = ? AND outcome IS NULL AND deleted_at IS NULL RETURNING id`,
      [outcome, itemId]
    )
    return rows.length === 1
  }

  /**
   * Counts one Zonos answer of a sweep, atomically across every worker: a "not answering" adds
   * one to the run of failures and, at `stopAfter`, marks the sweep stopped (its other orders are
   * then skipped); any other answer ends the run.
   */
  async recordSweepZonosAnswer(sweepId: string, notAnswering: boolean, stopAfter: number): Promise<void> {
    if (notAnswering) {
      await this.manager_.execute(
        `UPDATE zonos_sweep SET failures_in_a_row = failures_in_a_row + 1,
           stopped_at = CASE WHEN failures_in_a_row + 1 >= ? THEN coalesce(stopped_at, now()) ELSE stopped_at END
         WHERE id = ?`,
        [stopAfter, sweepId]
      )
    } else {
      await this.manager_.execute(`UPDATE zonos_sweep SET failures_in_a_row = 0 WHERE id = ? AND failures_in_a_row > 0`, [sweepId])
    }
  }

  /**
   * Claims the end of a sweep for the caller: true for exactly one caller, once every order the
   * sweep recorded is handled. The row lock of the UPDATE serialises two workers finishing the
   * last two orders at once; the second re-reads `finished_at` and is refused.
   */
  async claimSweepFinish(sweepId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager_.execute(
      `UPDATE zonos_sweep SET finished_at = now(), updated_at = now()
        WHERE id = ? AND status = 'running' AND finished_at IS NULL AND total IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM zonos_sweep_item
                           WHERE sweep_id = ? AND outcome IS NULL AND deleted_at IS NULL)
        RETURNING id`,
      [sweepId, sweepId]
    )
    return rows.length === 1
  }

  /** Progress of each sweep, from its rows (one grouped count for all of them). */
  async sweepProgress(
    sweeps: { id: string; total?: number | null; counts?: unknown }[]
  ): Promise<Map<string, ZonosSweepProgress>> {
    const progress = new Map<string, ZonosSweepProgress>()
    if (!sweeps.length) return progress
    const rows: { sweep_id: string; kind: string; outcome: string; count: string | number }[] = await this.manager_.execute(
      `SELECT sweep_id, kind, outcome, count(*) AS count FROM zonos_sweep_item
        WHERE sweep_id IN (${sweeps.map(() => "?").join(", ")}) AND outcome IS NOT NULL AND deleted_at IS NULL
        GROUP BY sweep_id, kind, outcome`,
      sweeps.map((sweep) => sweep.id)
    )
    for (const sweep of sweeps) {
      const groups = rows
        .filter((row) => row.sweep_id === sweep.id)
        .flatMap((row) => {
          const kind = ZONOS_SWEEP_ITEM_KINDS.find((known) => known === row.kind)
          return kind && isZonosSweepItemOutcome(row.outcome) ? [{ kind, outcome: row.outcome, count: Number(row.count) }] : []
        })
      progress.set(sweep.id, { total: sweep.total ?? null, ...sweepCountsFromItems(listedCount(sweep.counts), groups) })
    }
    return progress
  }

  /**
   * Orders a sweep listed that are still not in Medusa (neither imported, cancelled by Zonos,
   * nor dismissed), read from the rows after the imports: an order the sweep did not try keeps
   * it `partial`.
   */
  async sweepOrdersNotInMedusa(sweepId: string): Promise<string[]> {
    const rows: { zonos_order_number: string }[] = await this.manager_.execute(
      `SELECT i.zonos_order_number FROM zonos_sweep_item i
         LEFT JOIN zonos_order o ON o.zonos_order_number = i.zonos_order_number AND o.deleted_at IS NULL
        WHERE i.sweep_id = ? AND i.listed_by_zonos AND i.deleted_at IS NULL
          AND (o.id IS NULL OR (o.dismissed_at IS NULL AND o.state NOT IN (${SETTLED_STATES.map(() => "?").join(", ")})))
        ORDER BY i.zonos_order_number`,
      [sweepId, ...SETTLED_STATES]
    )
    return rows.map((row) => row.zonos_order_number)
  }

  /**
   * When a running sweep last showed life: its last handled order, or the last change to its
   * row (its start, its listing). A sweep quiet for longer than `sweepStaleSeconds` has no process
   * left working on it.
   */
  async sweepLastProgressAt(sweepId: string): Promise<Date | null> {
    const rows: { at: Date | string | null }[] = await this.manager_.execute(
      `SELECT greatest(s.updated_at, (SELECT max(i.handled_at) FROM zonos_sweep_item i WHERE i.sweep_id = s.id)) AS at
         FROM zonos_sweep s WHERE s.id = ?`,
      [sweepId]
    )
    const at = rows[0]?.at
    return at ? new Date(at) : null
  }
}

/** The `listed` count a sweep recorded when it handed its orders out. */
function listedCount(counts: unknown): number {
  if (typeof counts !== "object" || counts === null || !("listed" in counts)) return 0
  return Number(counts.listed) || 0
}
