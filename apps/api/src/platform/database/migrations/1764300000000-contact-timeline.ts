import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/** One timeline of every interaction with a contact, mention assignment, and the tenant's listening settings. */
export class ContactTimeline1764300000000 implements MigrationInterface {
  name = 'ContactTimeline1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mention ADD COLUMN assigned_to uuid REFERENCES app_user (id) ON DELETE SET NULL;
      ALTER TABLE tenant ADD COLUMN auto_create_leads boolean NOT NULL DEFAULT false;
      CREATE INDEX social_identity_contact_idx ON social_identity (tenant_id, contact_id);

      CREATE TABLE timeline_event (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        contact_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MENTION', 'REPLY', 'LIFECYCLE_CHANGE')),
        channel text,
        mention_id uuid,
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        body text,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, mention_id) REFERENCES mention (tenant_id, id) ON DELETE SET NULL (mention_id)
      );
      CREATE INDEX timeline_event_contact_idx ON timeline_event (tenant_id, contact_id, id DESC);

      ALTER TABLE timeline_event ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON timeline_event USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE, DELETE ON timeline_event TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE timeline_event;
      DROP INDEX social_identity_contact_idx;
      ALTER TABLE tenant DROP COLUMN auto_create_leads;
      ALTER TABLE mention DROP COLUMN assigned_to;
    `);
  }
}
