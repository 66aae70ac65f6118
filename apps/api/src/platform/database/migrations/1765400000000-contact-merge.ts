import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Contact merges: the record of each merge (who, when, survivor, merged ids, the plan it
 * applied), the pairs users dismissed as not duplicates, the name key the "similar name"
 * duplicate reason compares, and an index for the "same profile" reason.
 */
export class ContactMerge1765400000000 implements MigrationInterface {
  name = 'ContactMerge1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Append-only for the api, but for survivor_id: the contact that holds the merged data
      -- now (a later merge of the survivor moves its records along; plan.survivorId stays).
      -- It goes with that contact: the plan holds personal data (the merged emails, phones…),
      -- so erasing or deleting the contact drops it.
      CREATE TABLE contact_merge (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        survivor_id uuid NOT NULL,
        merged_ids uuid[] NOT NULL CHECK (cardinality(merged_ids) BETWEEN 1 AND 19),
        merged_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        plan jsonb NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, survivor_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX contact_merge_survivor_idx ON contact_merge (tenant_id, survivor_id);
      -- "Was this contact merged away?" (a merge that lost a race says into which contact).
      CREATE INDEX contact_merge_merged_idx ON contact_merge USING gin (merged_ids);

      -- A pair of contacts a user said are not the same person; stored once, smaller id first.
      CREATE TABLE contact_duplicate_dismissal (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        contact_a uuid NOT NULL,
        contact_b uuid NOT NULL CHECK (contact_a < contact_b),
        dismissed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_a, contact_b),
        FOREIGN KEY (tenant_id, contact_a) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, contact_b) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX contact_duplicate_dismissal_b_idx ON contact_duplicate_dismissal (tenant_id, contact_b);

      -- A person's name as the SIMILAR_NAME_SAME_COMPANY reason compares it (pg_trgm
      -- similarity): first and last name, else the display name; lower case, without the
      -- accents Spanish and Russian names are written with or without.
      CREATE FUNCTION app.person_name_key(p_first text, p_last text, p_display text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $f$
        SELECT lower(translate(coalesce(nullif(trim(concat_ws(' ', p_first, p_last)), ''), p_display),
          'áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇёЁ',
          'aaaaaaeeeeiiiiooooouuuuncaaaaaaeeeeiiiiooooouuuuncеЕ'))
      $f$;

      CREATE INDEX social_identity_profile_idx ON social_identity (tenant_id, lower(profile_url))
        WHERE profile_url IS NOT NULL;

      ALTER TABLE contact_merge ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON contact_merge USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE (survivor_id) ON contact_merge TO ${RUNTIME_ROLE};
      ALTER TABLE contact_duplicate_dismissal ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON contact_duplicate_dismissal USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT ON contact_duplicate_dismissal TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX social_identity_profile_idx;
      DROP FUNCTION app.person_name_key(text, text, text);
      DROP TABLE contact_duplicate_dismissal, contact_merge;
    `);
  }
}
