import { Badge, StatusBadge } from "@medusajs/ui"
import { connectionColor, connectionLabel, stateColor, stateLabel, sweepStatusColor, sweepStatusLabel, zonosStatusColor, zonosStatusLabel } from "../lib/labels"

/** Where the import stands: Imported, On hold, Failed, ... */
export const ImportStateBadge = ({ state }: { state: string }) => (
  <StatusBadge color={stateColor(state)} data-testid="zonos-state">
    {stateLabel(state)}
  </StatusBadge>
)

/** The order's status at Zonos (IGLOBAL_FRAUD_REVIEW shown as "Fraud review"). */
export const ZonosStatusBadge = ({ status }: { status: string | null | undefined }) => (
  <Badge size="2xsmall" color={zonosStatusColor(status)} title={status ?? undefined} data-testid="zonos-status">
    {zonosStatusLabel(status)}
  </Badge>
)

export const TestOrderBadge = () => (
  <Badge size="2xsmall" color="purple">
    Test
  </Badge>
)

export const SweepStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={sweepStatusColor(status)}>{sweepStatusLabel(status)}</StatusBadge>
)

export const ConnectionBadge = ({ status }: { status: string }) => (
  <StatusBadge color={connectionColor(status)} data-testid="zonos-connection-status">
    {connectionLabel(status)}
  </StatusBadge>
)
