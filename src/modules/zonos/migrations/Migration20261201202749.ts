import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201202749 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "zonos_order" drop constraint if exists "zonos_order_state_check";`);

    this.addSql(`alter table if exists "zonos_order" add column if not exists "dismissed_at" timestamptz null, add column if not exists "dismissed_by" text null, add column if not exists "dismiss_note" text null;`);
    this.addSql(`alter table if exists "zonos_order" add constraint "zonos_order_state_check" check("state" in ('pending', 'imported', 'held', 'cancelled', 'failed', 'not_found', 'needs_attention'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_order_reference_id" ON "zonos_order" ("reference_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "zonos_order" drop constraint if exists "zonos_order_state_check";`);

    this.addSql(`drop index if exists "IDX_zonos_order_reference_id";`);
    this.addSql(`alter table if exists "zonos_order" drop column if exists "dismissed_at", drop column if exists "dismissed_by", drop column if exists "dismiss_note";`);

    this.addSql(`alter table if exists "zonos_order" add constraint "zonos_order_state_check" check("state" in ('pending', 'imported', 'held', 'cancelled', 'failed', 'needs_attention'));`);
  }

}
