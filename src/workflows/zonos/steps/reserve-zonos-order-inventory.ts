import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** A line whose stock could not be reserved: the order stands (it is paid), the merchant is told. */
export type UnreservedLine = {
  line_item_id: string
  title: string
  sku: string | null
  quantity: string
  reason: string
}

export type ReserveZonosOrderInventoryResult = {
  reservation_ids: string[]
  /** Lines reserved by an earlier run of the import (left as they are). */
  already_reserved: string[]
  unreserved: UnreservedLine[]
}

type InventoryLink = {
  inventory_item_id: string
  required_quantity?: number | null
  inventory?: { location_levels?: (LocationLevel | null)[] | null } | null
}

type OrderLine = {
  id: string
  title: string
  variant_sku?: string | null
  quantity: number
  variant?: { manage_inventory?: boolean | null; allow_backorder?: boolean | null; inventory_items?: (InventoryLink | null)[] | null } | null
}

type OrderForReservation = { id: string; sales_channel_id?: string | null; items?: (OrderLine | null)[] | null }

type LocationLevel = {
  location_id?: string | null
  stocked_quantity?: number | null
  reserved_quantity?: number | null
  stock_locations?: ({ id?: string | null; sales_channels?: ({ id?: string | null } | null)[] | null } | null)[] | null
}

/**
 * Reserves stock for the order's lines whose variant manages inventory, as Medusa's own
 * draft-order conversion does (reserveInventoryStep after prepareConfirmInventoryInput): one
 * reservation per line and inventory item (quantity x required_quantity), at a stock location
 * of the order's sales channel that has the stock (or any of them for a backorderable variant).
 *
 * Unlike Medusa's step it never throws for stock: Zonos has taken the money, so a line that
 * cannot be reserved is returned in `unreserved` (recorded on the order) and the rest go ahead.
 * Idempotent: lines that already have a reservation are skipped.
 */
export const reserveZonosOrderInventoryStep = createStep(
  "reserve-zonos-order-inventory",
  async (input: { order_id: string }, { container }) => {
    const result: ReserveZonosOrderInventoryResult = { reservation_ids: [], already_reserved: [], unreserved: [] }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "sales_channel_id",
        // "items.*" as Medusa's requiredOrderFieldsForInventoryConfirmation: the order item's
        // quantity lives on its detail row and only the wildcard brings it.
        "items.*",
        "items.variant.manage_inventory",
        "items.variant.allow_backorder",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
        "items.variant.inventory_items.inventory.location_levels.location_id",
        "items.variant.inventory_items.inventory.location_levels.stocked_quantity",
        "items.variant.inventory_items.inventory.location_levels.reserved_quantity",
        "items.variant.inventory_items.inventory.location_levels.stock_locations.id",
        "items.variant.inventory_items.inventory.location_levels.stock_locations.sales_channels.id",
      ],
      filters: { id: input.order_id },
    })
    const order: OrderForReservation | undefined = data[0]
    const lines = (order?.items ?? []).filter((item): item is OrderLine => !!item?.variant?.manage_inventory)
    if (!order || !lines.length) {
      return new StepResponse(result, { reservation_ids: [] as string[] })
    }

    const existing = await inventory.listReservationItems({ line_item_id: lines.map((line) => line.id) })
    const reservedLines = new Set(existing.map((reservation) => reservation.line_item_id))

    for (const line of lines) {
      if (reservedLines.has(line.id)) {
        result.already_reserved.push(line.id)
        continue
      }
      const allowBackorder = !!line.variant?.allow_backorder
      const unreserved = (reason: string) =>
        result.unreserved.push({
          line_item_id: line.id,
          title: line.title,
          sku: line.variant_sku ?? null,
          quantity: MathBN.convert(line.quantity).toString(),
          reason,
        })
      const links = (line.variant?.inventory_items ?? []).filter((link): link is InventoryLink => !!link?.inventory_item_id)
      if (!links.length) {
        unreserved("the variant manages inventory but has no inventory item")
        continue
      }
      // Every inventory item of the line (a kit has several) or none: a half-reserved line helps nobody.
      const planned: { inventory_item_id: string; location_id: string; quantity: ReturnType<typeof MathBN.convert> }[] = []
      let refusal: string | null = null
      for (const link of links) {
        const quantity = MathBN.mult(link.required_quantity ?? 1, line.quantity)
        const levels = (link.inventory?.location_levels ?? []).filter((level): level is LocationLevel => !!level)
        const inChannel = levels.filter((level) =>
          (level.stock_locations ?? []).some((location) =>
            (location?.sales_channels ?? []).some((channel) => channel?.id === order.sales_channel_id)
          )
        )
        const level =
          inChannel.find((candidate) =>
            MathBN.gte(MathBN.sub(candidate.stocked_quantity ?? 0, candidate.reserved_quantity ?? 0), quantity)
          ) ?? (allowBackorder ? inChannel[0] : undefined)
        if (!level?.location_id) {
          refusal = inChannel.length
            ? `not enough stock for ${quantity.toString()} at the sales channel's locations`
            : "no stock location of the order's sales channel stocks it"
          break
        }
        planned.push({ inventory_item_id: link.inventory_item_id, location_id: level.location_id, quantity })
      }
      if (refusal) {
        unreserved(refusal)
        continue
      }
      try {
        // The same lock Medusa's reserveInventoryStep takes, so concurrent checkouts cannot oversell.
        const created = await locking.execute(
          [...new Set(planned.map((plan) => plan.inventory_item_id))],
          () =>
            inventory.createReservationItems(
              planned.map((plan) => ({
                line_item_id: line.id,
                inventory_item_id: plan.inventory_item_id,
                location_id: plan.location_id,
                quantity: plan.quantity,
                allow_backorder: allowBackorder,
                description: "Zonos order import",
                created_by: "zonos",
              }))
            )
        )
        result.reservation_ids.push(...created.map((reservation) => reservation.id))
      } catch (error) {
        // Stock moved between the read and the reservation: flag it, keep the paid order.
        unreserved(error instanceof Error ? error.message : String(error))
      }
    }
    return new StepResponse(result, { reservation_ids: result.reservation_ids })
  },
  async (done, { container }) => {
    if (!done?.reservation_ids.length) return
    await container.resolve(Modules.INVENTORY).deleteReservationItems(done.reservation_ids)
  }
)
