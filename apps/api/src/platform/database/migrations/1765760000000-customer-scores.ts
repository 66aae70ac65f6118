import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Customer scores: per tenant, when its RFM was asked for and last computed (the upkeep asks
 * once per batch; one recomputation answers every request made before it started); per
 * contact, the activity its scores were computed from (so the upkeep asks only when it
 * changed); and the contacts whose mention sentiment changed, noted for the upkeep like every
 * other source (a re-ingested mention can be re-scored or re-attributed; new mentions already
 * arrive through the timeline).
 */
export class CustomerScores1765760000000 implements MigrationInterface {
  name = 'CustomerScores1765760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rfm_scoring (
        tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
        requested_at timestamptz,
        scored_at timestamptz
      );
      COMMENT ON TABLE rfm_scoring IS 'A tenant''s RFM: asked for since requested_at (null: current), last computed at scored_at.';
      ALTER TABLE rfm_scoring ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON rfm_scoring USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE, DELETE ON rfm_scoring TO ${RUNTIME_ROLE};

      ALTER TABLE contact_metrics
        ADD COLUMN rfm_inputs text,
        ADD COLUMN engagement_rfm_inputs text;
      COMMENT ON COLUMN contact_metrics.rfm_inputs IS 'The purchases the RFM scores were computed from (latest instant|count|value): the upkeep recomputes when they differ.';
      COMMENT ON COLUMN contact_metrics.engagement_rfm_inputs IS 'The engagement the engagement RFM scores were computed from (latest instant|count|value).';

      -- The authors' contacts of mentions whose sentiment or author changed, or that went away.
      CREATE FUNCTION app.note_mention_author_change() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          INSERT INTO contact_change (tenant_id, contact_id)
          SELECT DISTINCT s.tenant_id, s.contact_id
          FROM changed_new n
          JOIN changed_old o ON o.tenant_id = n.tenant_id AND o.id = n.id
          JOIN social_identity s ON s.tenant_id = n.tenant_id
            AND s.id IN (n.author_identity_id, o.author_identity_id)
          WHERE s.contact_id IS NOT NULL
            AND (n.sentiment_score IS DISTINCT FROM o.sentiment_score
                 OR n.author_identity_id IS DISTINCT FROM o.author_identity_id)
          ON CONFLICT DO NOTHING;
        ELSE
          INSERT INTO contact_change (tenant_id, contact_id)
          SELECT DISTINCT s.tenant_id, s.contact_id
          FROM changed_old o
          JOIN social_identity s ON s.tenant_id = o.tenant_id AND s.id = o.author_identity_id
          WHERE s.contact_id IS NOT NULL
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $f$;
      CREATE TRIGGER mention_contact_change_update AFTER UPDATE ON mention
        REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
        FOR EACH STATEMENT EXECUTE FUNCTION app.note_mention_author_change();
      CREATE TRIGGER mention_contact_change_delete AFTER DELETE ON mention
        REFERENCING OLD TABLE AS changed_old
        FOR EACH STATEMENT EXECUTE FUNCTION app.note_mention_author_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER mention_contact_change_update ON mention;
      DROP TRIGGER mention_contact_change_delete ON mention;
      DROP FUNCTION app.note_mention_author_change();
      ALTER TABLE contact_metrics DROP COLUMN rfm_inputs, DROP COLUMN engagement_rfm_inputs;
      DROP TABLE rfm_scoring;
    `);
  }
}
