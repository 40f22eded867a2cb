import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201204928 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "zonos_order" add column if not exists "shipment_sync" jsonb null, add column if not exists "shipment_sync_due_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "zonos_order" drop column if exists "shipment_sync", drop column if exists "shipment_sync_due_at";`);
  }

}
