import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202014209 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "zonos_sweep_item" drop constraint if exists "zonos_sweep_item_sweep_id_zonos_order_number_unique";`);
    this.addSql(`alter table if exists "zonos_order" drop constraint if exists "zonos_order_zonos_order_number_unique";`);
    this.addSql(`drop index if exists "IDX_zonos_order_zonos_order_id_unique";`);
    this.addSql(`alter table if exists "zonos_order" drop constraint if exists zonos_order_id_normalised;`);

    this.addSql(`alter table if exists "zonos_order" rename column "zonos_order_id" to "zonos_order_number";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_zonos_order_zonos_order_number_unique" ON "zonos_order" ("zonos_order_number") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "zonos_order" add constraint zonos_order_number_normalised check(zonos_order_number ~ '^(0|[1-9][0-9]{0,14})\$');`);

    this.addSql(`drop index if exists "IDX_zonos_sweep_item_sweep_id_zonos_order_id_unique";`);

    this.addSql(`alter table if exists "zonos_sweep_item" rename column "zonos_order_id" to "zonos_order_number";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_zonos_sweep_item_sweep_id_zonos_order_number_unique" ON "zonos_sweep_item" ("sweep_id", "zonos_order_number") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_zonos_order_zonos_order_number_unique";`);
    this.addSql(`alter table if exists "zonos_order" drop constraint if exists zonos_order_number_normalised;`);

    this.addSql(`alter table if exists "zonos_order" rename column "zonos_order_number" to "zonos_order_id";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_zonos_order_zonos_order_id_unique" ON "zonos_order" ("zonos_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "zonos_order" add constraint zonos_order_id_normalised check(zonos_order_id ~ '^(0|[1-9][0-9]{0,14})\$');`);

    this.addSql(`drop index if exists "IDX_zonos_sweep_item_sweep_id_zonos_order_number_unique";`);

    this.addSql(`alter table if exists "zonos_sweep_item" rename column "zonos_order_number" to "zonos_order_id";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_zonos_sweep_item_sweep_id_zonos_order_id_unique" ON "zonos_sweep_item" ("sweep_id", "zonos_order_id") WHERE deleted_at IS NULL;`);
  }

}
