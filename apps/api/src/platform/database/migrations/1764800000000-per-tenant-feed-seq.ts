import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A feed's seq counts that tenant's entries only. One identity shared by every tenant let a
 * subscriber count other tenants' mentions from the gaps between its own cursors. The
 * dispatch already holds the tenant's lock, so it numbers the rows it appends itself.
 */
export class PerTenantFeedSeq1764800000000 implements MigrationInterface {
  name = 'PerTenantFeedSeq1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mention_feed ALTER COLUMN seq DROP IDENTITY;
      -- Renumber in two passes: negative first, so no new number meets an old one in the key.
      UPDATE mention_feed SET seq = -seq;
      UPDATE mention_feed f SET seq = n.seq
      FROM (
        SELECT tenant_id, seq AS old_seq, row_number() OVER (PARTITION BY tenant_id ORDER BY seq DESC) AS seq
        FROM mention_feed
      ) n
      WHERE f.tenant_id = n.tenant_id AND f.seq = n.old_seq;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mention_feed ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
      SELECT setval(pg_get_serial_sequence('mention_feed', 'seq'), coalesce(max(seq), 0) + 1, false)
      FROM mention_feed;
    `);
  }
}
