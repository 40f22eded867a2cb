import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MappedZonosOrder } from "../mapping/map-zonos-order"

export type SetZonosDiscountsAndTaxesInput = {
  order_id: string
  mapped: MappedZonosOrder
}

/**
 * Puts Zonos's discount (line item adjustments) and duties & taxes (tax lines) on the new
 * order. createOrderWorkflow replaces both (tax lines from the store's own tax rates, and
 * adjustments from the store's promotions), so they are set after it, on the lines found
 * by the `zonos_line_index` the mapping stored in each item's metadata.
 */
export const setZonosDiscountsAndTaxesStep = createStep(
  "set-zonos-discounts-and-taxes",
  async (input: SetZonosDiscountsAndTaxesInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orderModule = container.resolve(Modules.ORDER)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "items.id", "items.metadata", "shipping_methods.id"],
      filters: { id: input.order_id },
    })

    const itemIdByLine = new Map<number, string>()
    for (const item of order.items ?? []) {
      const index = item?.metadata?.zonos_line_index
      if (item && typeof index === "number") itemIdByLine.set(index, item.id)
    }
    const shippingMethodIds = (order.shipping_methods ?? []).flatMap((method: { id: string } | null) =>
      method ? [method.id] : []
    )
    const lineItemId = (index: number) => {
      const id = itemIdByLine.get(index)
      if (!id) throw new Error(`The new order has no line ${index} of the Zonos order`)
      return id
    }

    const adjustments = input.mapped.input.items.flatMap((item, index) =>
      item.adjustments.map((adjustment) => ({
        item_id: lineItemId(index),
        code: adjustment.code,
        amount: adjustment.amount,
        description: adjustment.description,
        is_tax_inclusive: adjustment.is_tax_inclusive,
      }))
    )
    if (adjustments.length) {
      await orderModule.setOrderLineItemAdjustments(input.order_id, adjustments)
    }

    const { items: itemTaxLines, shipping: shippingTaxLines } = input.mapped.taxLines
    if (itemTaxLines.length) {
      await orderModule.setOrderLineItemTaxLines(
        input.order_id,
        itemTaxLines.map(({ line_index, ...line }) => ({ ...line, item_id: lineItemId(line_index), provider_id: "zonos" }))
      )
    }
    if (shippingTaxLines.length) {
      await orderModule.setOrderShippingMethodTaxLines(
        input.order_id,
        shippingTaxLines.flatMap(({ method_index, ...line }) =>
          shippingMethodIds[method_index]
            ? [{ ...line, shipping_method_id: shippingMethodIds[method_index], provider_id: "zonos" }]
            : []
        )
      )
    }
    return new StepResponse(undefined)
  }
)
