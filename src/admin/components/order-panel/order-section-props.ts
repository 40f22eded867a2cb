import type { ZonosOrderFull, ZonosUnreservedLine } from "../../lib/types"

/** What every part of the order panel is drawn from: the row, its label (999-1002) and the unreserved lines. */
export type OrderSectionProps = {
  record: ZonosOrderFull
  zonosOrderLabel: string
  unreservedLines: ZonosUnreservedLine[]
}
