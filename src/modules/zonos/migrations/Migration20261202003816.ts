import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202003816 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "zonos_sweep_item" drop constraint if exists "zonos_sweep_item_sweep_id_zonos_order_id_unique";`);
    this.addSql(`create table if not exists "zonos_sweep_item" ("id" text not null, "sweep_id" text not null, "zonos_order_id" text not null, "kind" text check ("kind" in ('import', 'refresh', 'write_back', 'deferred')) not null, "listed_by_zonos" boolean not null default false, "outcome" text null, "handled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "zonos_sweep_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_sweep_item_deleted_at" ON "zonos_sweep_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_zonos_sweep_item_sweep_id_zonos_order_id_unique" ON "zonos_sweep_item" ("sweep_id", "zonos_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_sweep_item_sweep_id" ON "zonos_sweep_item" ("sweep_id") WHERE outcome IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "zonos_sweep" add column if not exists "total" integer null, add column if not exists "listing_error" text null, add column if not exists "failures_in_a_row" integer not null default 0, add column if not exists "stopped_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "zonos_sweep_item" cascade;`);

    this.addSql(`alter table if exists "zonos_sweep" drop column if exists "total", drop column if exists "listing_error", drop column if exists "failures_in_a_row", drop column if exists "stopped_at";`);
  }

}
