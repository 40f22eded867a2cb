import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ZONOS_MODULE } from "../../../modules/zonos"
import ZonosModuleService from "../../../modules/zonos/service"
import { appendHistory } from "../../../modules/zonos/utils/history"
import { HOLD_REASON_TEXT, isMerchantReleasable, ZonosHoldReason } from "../../../modules/zonos/zonos-order-states"
import { zonosOrderMetadata } from "../mapping/zonos-status"

export type ReleaseZonosHoldInput = { zonos_order_number: string; note: string | null; released_by: string }

/**
 * A merchant releases a hold only a merchant may lift (screening-list match, test order).
 * Holds Zonos owns (fraud review, Zonos hold) are lifted by Zonos: releasing one here is refused.
 */
export const releaseZonosHoldStep = createStep(
  "release-zonos-hold",
  async (input: ReleaseZonosHoldInput, { container }) => {
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orderModule = container.resolve(Modules.ORDER)
    const {
      data: [record],
    } = await query.graph({
      entity: "zonos_order",
      fields: ["*", "order.id", "order.metadata"],
      filters: { zonos_order_number: input.zonos_order_number },
    })
    if (!record) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Zonos order ${input.zonos_order_number} has been seen by this store`)
    }
    if (record.state !== "held" || !record.hold_reason) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order is not on hold")
    }
    const holdReason: ZonosHoldReason = record.hold_reason
    if (!isMerchantReleasable(holdReason)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This order is held for ${HOLD_REASON_TEXT[holdReason]}: Zonos releases it when it clears the order`
      )
    }
    const now = new Date()
    await zonos.updateZonosOrders({
      id: record.id,
      state: "imported",
      hold_reason: null,
      released_by: input.released_by,
      release_note: input.note,
      history: appendHistory(record.history, {
        at: now.toISOString(),
        source: "admin",
        event: `released by a merchant (${HOLD_REASON_TEXT[holdReason]})`,
        detail: input.note ?? undefined,
      }),
    })
    if (record.order?.id) {
      await orderModule.updateOrders(record.order.id, {
        metadata: {
          ...(record.order.metadata ?? {}),
          ...zonosOrderMetadata({ state: "imported", hold_reason: null, zonos_status: record.zonos_status ?? null }),
        },
      })
    }
    return new StepResponse({ zonos_order_number: record.zonos_order_number, state: "imported" }, record)
  },
  async (record, { container }) => {
    if (!record) return
    const zonos = container.resolve<ZonosModuleService>(ZONOS_MODULE)
    await zonos.updateZonosOrders({
      id: record.id,
      state: record.state,
      hold_reason: record.hold_reason,
      released_by: record.released_by,
      release_note: record.release_note,
      history: record.history,
    })
  }
)
