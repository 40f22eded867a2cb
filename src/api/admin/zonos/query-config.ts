/** What the admin sees of a Zonos order in lists. */
export const ZONOS_ORDER_LIST_FIELDS = [
  "id",
  "zonos_order_number",
  "reference_id",
  "zonos_status",
  "zonos_status_at",
  "test_order",
  "csl_match",
  "state",
  "hold_reason",
  "attempts",
  "last_error",
  "next_attempt_at",
  "imported_at",
  "last_checked_at",
  "merchant_order_id",
  "merchant_order_id_sent_at",
  "writeback_error",
  "dismissed_at",
  "dismiss_note",
  "created_at",
  "updated_at",
  "order.id",
  "order.display_id",
]

/** One Zonos order in full: the list fields plus the last order detail and the history. */
export const ZONOS_ORDER_DETAIL_FIELDS = [
  ...ZONOS_ORDER_LIST_FIELDS,
  "writeback_attempts",
  "shipment_sync",
  "shipment_sync_due_at",
  "released_by",
  "release_note",
  "dismissed_by",
  "order_detail",
  "history",
]

/** What the admin sees of a sweep. */
export const ZONOS_SWEEP_FIELDS = [
  "id",
  "trigger",
  "status",
  "started_at",
  "finished_at",
  "since_date",
  "cursor_date",
  "counts",
  "error",
  "total",
  "stopped_at",
]
