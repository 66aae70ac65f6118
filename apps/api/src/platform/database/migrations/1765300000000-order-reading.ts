import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The orders and email events lists read a tenant's records latest first, whichever contact:
 * keyset indexes for both (the customer-memory ones lead with the contact).
 */
export class OrderReading1765300000000 implements MigrationInterface {
  name = 'OrderReading1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX engagement_event_time_idx ON engagement_event (tenant_id, occurred_at DESC, id DESC);
      DROP INDEX customer_order_date_idx;
      CREATE INDEX customer_order_date_idx ON customer_order (tenant_id, ordered_at DESC, id DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX engagement_event_time_idx;
      DROP INDEX customer_order_date_idx;
      CREATE INDEX customer_order_date_idx ON customer_order (tenant_id, ordered_at);
    `);
  }
}
