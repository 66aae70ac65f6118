import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Saved views of the live feed: a user's named mention filters in one tenant. The row policy
 * keeps tenants apart; the service keeps each user to their own views.
 */
export class SavedMentionViews1764900000000 implements MigrationInterface {
  name = 'SavedMentionViews1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_mention_view (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        name text NOT NULL,
        filter jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      -- One name per user and tenant, whatever its case; also the index a user's list reads.
      CREATE UNIQUE INDEX saved_mention_view_name_key
        ON saved_mention_view (tenant_id, user_id, lower(name));

      ALTER TABLE saved_mention_view ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON saved_mention_view USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE, DELETE ON saved_mention_view TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE saved_mention_view');
  }
}
