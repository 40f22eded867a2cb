import { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { ZonosClient } from "./client"
import ZonosOrder from "./models/zonos-order"
import ZonosSweep from "./models/zonos-sweep"
import { ZonosOptions, ZonosPublicSettings } from "./types/options"
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

  /** The validated options without the secret: safe to show or log. */
  getSettings(): ZonosPublicSettings {
    return this.settings_
  }
}
