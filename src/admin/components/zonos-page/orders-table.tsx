import { ArrowPath } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableFilteringState,
  DataTablePaginationState,
  Heading,
  Text,
  toast,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { MouseEvent, useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useNow } from "../../hooks/use-now"
import { useRetryZonosOrder, useZonosOrders } from "../../hooks/zonos"
import { STATE_FILTER_OPTIONS } from "../../lib/labels"
import { formatDateTime, formatRelativeTime } from "../../lib/money"
import { importOutcomeText, rowSummary } from "../../lib/outcome-texts"
import { errorMessage, medusaOrderLabel, zonosOrderLabel } from "../../lib/words"
import type { ZonosImportState, ZonosOrderListQuery, ZonosOrderRow } from "../../lib/types"
import { ImportStateBadge, TestOrderBadge, ZonosStatusBadge } from "../badges"
import { LoadError } from "../load-error"
import { DismissOrderPrompt } from "./dismiss-order-prompt"
import { ImportOrderModal } from "./import-order-modal"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<ZonosOrderRow>()
const filterHelper = createDataTableFilterHelper<ZonosOrderRow>()

const filters = [
  filterHelper.accessor("state", {
    type: "radio",
    label: "Status",
    options: STATE_FILTER_OPTIONS,
  }),
  filterHelper.accessor("test_order", {
    type: "radio",
    label: "Test orders",
    options: [
      { label: "Test orders only", value: "true" },
      { label: "Live orders only", value: "false" },
    ],
  }),
  filterHelper.accessor("dismissed_at", {
    type: "radio",
    label: "Dismissed",
    options: [{ label: "Dismissed only", value: "true" }],
  }),
]

/** Turns the table's filter, search and page state into the list endpoint's query. */
function toQuery(filtering: DataTableFilteringState, search: string, pagination: DataTablePaginationState): ZonosOrderListQuery {
  const state = typeof filtering.state === "string" ? (filtering.state as ZonosImportState) : undefined
  const test = filtering.test_order
  return {
    state,
    test_order: test === "true" ? true : test === "false" ? false : undefined,
    dismissed: filtering.dismissed_at === "true" ? true : undefined,
    q: search.trim() || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  }
}

/** The Zonos orders this store has seen, with filters, search, paging, links and "Retry". */
export const OrdersTable = ({ storeId }: { storeId?: string | null }) => {
  const navigate = useNavigate()
  useNow()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [search, setSearch] = useState("")
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const query = toQuery(filtering, search, pagination)
  const { data, isPending, isError, error, refetch, isRefetching } = useZonosOrders(query)

  const columns = useMemo(
    () => [
      columnHelper.accessor("zonos_order_number", {
        header: "Zonos order",
        cell: ({ row }) => (
          <span className="flex items-center gap-x-2">
            <span data-testid="zonos-row-id">{zonosOrderLabel(row.original.zonos_order_number, storeId)}</span>
            {row.original.test_order && <TestOrderBadge />}
          </span>
        ),
      }),
      columnHelper.accessor("order", {
        header: "Medusa order",
        cell: ({ row }) => {
          const order = row.original.order
          return order ? (
            <Link
              to={`/orders/${order.id}`}
              onClick={(event) => event.stopPropagation()}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
            >
              {medusaOrderLabel(order.display_id)}
            </Link>
          ) : (
            <span className="text-ui-fg-muted">Not created</span>
          )
        },
      }),
      columnHelper.accessor("state", {
        header: "Status",
        cell: ({ row }) => <ImportStateBadge state={row.original.state} />,
      }),
      columnHelper.display({
        id: "details",
        header: "Details",
        cell: ({ row }) => {
          const text = rowSummary(row.original)
          const problem = row.original.state === "failed" || row.original.state === "needs_attention"
          return (
            <span className={problem ? "text-ui-fg-error" : undefined} data-testid="zonos-row-details">
              {text}
            </span>
          )
        },
        size: 320,
        maxSize: 420,
      }),
      columnHelper.accessor("zonos_status", {
        header: "Zonos status",
        cell: ({ row }) => (row.original.zonos_status ? <ZonosStatusBadge status={row.original.zonos_status} /> : "-"),
      }),
      columnHelper.accessor("updated_at", {
        header: "Updated",
        cell: ({ row }) => (
          <Tooltip content={formatDateTime(row.original.updated_at)}>
            <span>{formatRelativeTime(row.original.updated_at)}</span>
          </Tooltip>
        ),
      }),
      columnHelper.display({
        id: "actions",
        header: "",
        cell: ({ row }) => {
          const canRetry = row.original.state === "failed" || (row.original.state === "pending" && !row.original.order)
          const canDismiss = !row.original.order && !row.original.dismissed_at && row.original.state !== "cancelled"
          return canRetry || canDismiss ? (
            <div className="flex justify-end gap-x-2">
              {canDismiss && (
                <DismissOrderPrompt
                  zonosOrderId={row.original.zonos_order_number}
                  label={zonosOrderLabel(row.original.zonos_order_number, storeId)}
                />
              )}
              {canRetry && <RetryButton row={row.original} storeId={storeId} />}
            </div>
          ) : null
        },
      }),
    ],
    [storeId]
  )

  const table = useDataTable({
    columns,
    data: data?.zonos_orders ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch, debounce: 300 },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, clicked) => {
      // @medusajs/ui 4.2 types this as the row's data but passes the table row.
      const row = unwrapRow(clicked)
      if (row.order) navigate(`/orders/${row.order.id}`)
    },
  })

  return (
    <Container className="divide-y p-0" data-testid="zonos-orders">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div className="flex flex-col gap-y-1">
            <Heading level="h2">Orders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Click an order to open it in Medusa.
            </Text>
          </div>
          <div className="flex w-full items-center gap-2 md:w-auto">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.Search placeholder="Search by Zonos order id" />
            <ImportOrderModal storeId={storeId} />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <LoadError
            what="the Zonos orders"
            error={error}
            onRetry={() => refetch()}
            retrying={isRefetching}
            testId="zonos-orders-error"
          />
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: {
                  heading: "No orders yet",
                  description:
                    "Orders appear here after a shopper completes Zonos Checkout or the sweep runs. To bring in one you know of, use Import an order.",
                },
                filtered: {
                  heading: "No matching orders",
                  description: "No Zonos order matches these filters or this id. Clear them to see every order.",
                },
              }}
            />
            <DataTable.Pagination />
          </>
        )}
      </DataTable>
    </Container>
  )
}

/** Retries a failed import now and says how it ended. */
const RetryButton = ({ row, storeId }: { row: ZonosOrderRow; storeId?: string | null }) => {
  const retry = useRetryZonosOrder()
  const label = zonosOrderLabel(row.zonos_order_number, storeId)
  const onClick = async (event: MouseEvent) => {
    event.stopPropagation()
    try {
      const result = await retry.mutateAsync(row.zonos_order_number)
      const text = importOutcomeText(result, storeId)
      toast[text.tone](text.title, { description: text.description })
    } catch (error) {
      toast.error(`Could not retry ${label}`, { description: errorMessage(error) })
    }
  }
  return (
    <Button
      size="small"
      variant="secondary"
      onClick={onClick}
      isLoading={retry.isPending}
      disabled={retry.isPending}
      aria-label={`Retry the import of ${label}`}
    >
      <ArrowPath />
      Retry
    </Button>
  )
}

/** The row's data, whether DataTable passed the data or the table row wrapping it. */
function unwrapRow(clicked: ZonosOrderRow | { original: ZonosOrderRow }): ZonosOrderRow {
  return "original" in clicked ? clicked.original : clicked
}
