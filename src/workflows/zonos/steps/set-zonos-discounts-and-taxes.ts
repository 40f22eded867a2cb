import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MappedZonosOrder, OrderLineTaxLines, zonosTaxLine, zonosTaxLinesInPlace } from "../mapping/map-zonos-order"

export type SetZonosDiscountsAndTaxesInput = {
  order_id: string
  mapped: MappedZonosOrder
}

/**
 * Puts back on the new order what createOrderWorkflow took off (mapping rule 6): Zonos's discount
 * (line item adjustments: its promotion refresh removes them), and its duties & taxes (tax lines)
 * when the store's own tax settings replaced them. The lines are found by the `zonos_line_index`
 * the mapping stored in each item's metadata.
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
      fields: [
        "id",
        "items.id",
        "items.metadata",
        "items.tax_lines.code",
        "items.tax_lines.provider_id",
        "shipping_methods.id",
        "shipping_methods.tax_lines.code",
        "shipping_methods.tax_lines.provider_id",
      ],
      filters: { id: input.order_id },
    })

    const itemIdByLine = new Map<number, string>()
    const zonosItems: (OrderLineTaxLines & { zonos_line_index: number })[] = []
    for (const item of order.items ?? []) {
      const index = item?.metadata?.zonos_line_index
      if (item && typeof index === "number") {
        itemIdByLine.set(index, item.id)
        zonosItems.push({ zonos_line_index: index, tax_lines: item.tax_lines })
      }
    }
    type ShippingMethod = OrderLineTaxLines & { id: string }
    const shippingMethods: ShippingMethod[] = (order.shipping_methods ?? []).flatMap((method: ShippingMethod | null) =>
      method ? [method] : []
    )
    const shippingMethodIds = shippingMethods.map((method) => method.id)
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

    if (zonosTaxLinesInPlace(input.mapped, zonosItems, shippingMethods)) {
      return new StepResponse(undefined)
    }
    const { items: itemTaxLines, shipping: shippingTaxLines } = input.mapped.taxLines
    if (itemTaxLines.length) {
      await orderModule.setOrderLineItemTaxLines(
        input.order_id,
        itemTaxLines.map((line) => ({ ...zonosTaxLine(line), item_id: lineItemId(line.line_index) }))
      )
    }
    if (shippingTaxLines.length) {
      await orderModule.setOrderShippingMethodTaxLines(
        input.order_id,
        shippingTaxLines.flatMap((line) =>
          shippingMethodIds[line.method_index]
            ? [{ ...zonosTaxLine(line), shipping_method_id: shippingMethodIds[line.method_index] }]
            : []
        )
      )
    }
    return new StepResponse(undefined)
  }
)
