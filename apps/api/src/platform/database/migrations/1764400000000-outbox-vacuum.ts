import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mention outbox is a queue: every row is deleted within milliseconds of its insert, and
 * every dispatch scans the tenant's range of it. Left to the default (vacuum once a fifth of
 * the table is dead) the dead rows pile up and each dispatch steps over more of them; vacuum
 * it once a thousand rows have died instead, without the cost-based pause.
 */
export class OutboxVacuum1764400000000 implements MigrationInterface {
  name = 'OutboxVacuum1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mention_outbox SET (
        autovacuum_vacuum_scale_factor = 0,
        autovacuum_vacuum_threshold = 1000,
        autovacuum_vacuum_cost_delay = 0
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mention_outbox RESET (
        autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay
      );
    `);
  }
}
