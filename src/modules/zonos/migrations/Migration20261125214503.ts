import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125214503 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "zonos_order" drop constraint if exists "zonos_order_zonos_order_id_unique";`);
    this.addSql(`create table if not exists "zonos_order" ("id" text not null, "zonos_order_id" text not null, "reference_id" text null, "zonos_status" text null, "zonos_status_at" timestamptz null, "test_order" boolean not null default false, "csl_match" boolean not null default false, "state" text check ("state" in ('pending', 'imported', 'held', 'cancelled', 'failed', 'needs_attention')) not null default 'pending', "hold_reason" text check ("hold_reason" in ('fraud_review', 'zonos_hold', 'csl_match', 'test_order')) null, "attempts" integer not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "imported_at" timestamptz null, "last_checked_at" timestamptz null, "merchant_order_id" text null, "merchant_order_id_sent_at" timestamptz null, "writeback_attempts" integer not null default 0, "writeback_error" text null, "released_by" text null, "release_note" text null, "order_detail" jsonb null, "history" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "zonos_order_pkey" primary key ("id"), constraint zonos_order_id_normalised check (zonos_order_id ~ '^(0|[1-9][0-9]{0,14})\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_order_deleted_at" ON "zonos_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_zonos_order_zonos_order_id_unique" ON "zonos_order" ("zonos_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_order_state" ON "zonos_order" ("state") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "zonos_sweep" ("id" text not null, "trigger" text not null, "status" text check ("status" in ('running', 'succeeded', 'partial', 'failed')) not null default 'running', "started_at" timestamptz not null, "finished_at" timestamptz null, "since_date" text null, "cursor_date" text null, "counts" jsonb null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "zonos_sweep_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_sweep_deleted_at" ON "zonos_sweep" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "zonos_order" cascade;`);

    this.addSql(`drop table if exists "zonos_sweep" cascade;`);
  }

}
