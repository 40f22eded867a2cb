import { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { ZonosClient } from "./client"
import ZonosOrder from "./models/zonos-order"
import ZonosSweep from "./models/zonos-sweep"
import { ZonosOptions, ZonosPublicSettings } from "./types/options"
import { appendHistory, ZonosImportSource } from "./utils/history"
import { InFlightLimit } from "./utils/in-flight-limit"

type InjectedDependencies = {
  logger: Logger
  zonosOptions: ZonosOptions
}

/**
 * The Zonos module: the records of every Zonos order and sweep (generated CRUD), and
 * the HTTP client for the Zonos order API, configured from the plugin options.
 */
export default class ZonosModuleService extends MedusaService({ ZonosOrder, ZonosSweep }) {
  readonly client: ZonosClient
  protected readonly settings_: ZonosPublicSettings
  /** Imports started by the public success page that are still running in this process. */
  readonly successPageImports: InFlightLimit

  constructor(dependencies: InjectedDependencies) {
    super(...arguments)
    const { secret, ...settings } = dependencies.zonosOptions
    this.settings_ = settings
    this.successPageImports = new InFlightLimit(settings.successPageMaxInFlight)
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
  async findOrCreateZonosOrder(zonosOrderId: string, seenBy: ZonosImportSource) {
    const [existing] = await this.listZonosOrders({ zonos_order_id: zonosOrderId }, { take: 1 })
    return existing ?? (await this.createZonosOrderOnce(zonosOrderId, seenBy)).record
  }

  /**
   * Makes the row of an id the caller found no row for; `created` says whether this call made it
   * (false: another caller's insert won the race, and its row is answered). An import that made
   * the row knows no earlier attempt can have left a Medusa order for it.
   */
  async createZonosOrderOnce(zonosOrderId: string, seenBy: ZonosImportSource) {
    try {
      const record = await this.createZonosOrders({
        zonos_order_id: zonosOrderId,
        state: "pending",
        history: appendHistory([], { at: new Date().toISOString(), source: seenBy, event: "seen" }),
      })
      return { record, created: true }
    } catch (error) {
      const [created] = await this.listZonosOrders({ zonos_order_id: zonosOrderId }, { take: 1 })
      if (created) return { record: created, created: false }
      throw error
    }
  }

  /** The validated options without the secret: safe to show or log. */
  getSettings(): ZonosPublicSettings {
    return this.settings_
  }
}
