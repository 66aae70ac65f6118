import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Planner statistics the runtime role can bring up to date. A bulk write (an import of 70,000
 * orders, a burst of mentions) leaves the planner believing the tables are as small as before
 * until autovacuum analyzes them, up to minutes later or never where it is off; meanwhile the
 * upkeep's per-contact lookups scan a tenant's whole table instead of its contact index (100 s
 * a batch instead of 0.3 s, seen after the CDNOW import). The function analyzes those of the
 * customer tables whose changes since their last analysis pass autovacuum's own default rule
 * (50 rows + 10 %), so calling it often costs a catalogue read. Only the table owner may
 * analyze: it runs with its owner's rights and takes no argument.
 */
export class PlannerStatistics1765770000000 implements MigrationInterface {
  name = 'PlannerStatistics1765770000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app.refresh_stale_statistics() RETURNS SETOF text
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      DECLARE
        stale text;
      BEGIN
        FOR stale IN
          SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
          WHERE s.schemaname = 'public'
            AND s.relname IN ('contact', 'social_identity', 'customer_order', 'engagement_event',
                              'timeline_event', 'mention', 'referral', 'contact_change',
                              'contact_metrics', 'segment_member')
            AND s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
          ORDER BY s.relname
        LOOP
          EXECUTE format('ANALYZE %I', stale);
          RETURN NEXT stale;
        END LOOP;
      END $f$;
      REVOKE ALL ON FUNCTION app.refresh_stale_statistics() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app.refresh_stale_statistics() TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION app.refresh_stale_statistics()');
  }
}
