import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202002138 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_order_merchant_order_id_sent_at" ON "zonos_order" ("merchant_order_id_sent_at") WHERE merchant_order_id_sent_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zonos_order_shipment_sync_due_at" ON "zonos_order" ("shipment_sync_due_at") WHERE shipment_sync_due_at IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_zonos_order_merchant_order_id_sent_at";`);
    this.addSql(`drop index if exists "IDX_zonos_order_shipment_sync_due_at";`);
  }

}
