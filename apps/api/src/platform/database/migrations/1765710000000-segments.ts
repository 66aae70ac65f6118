import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Saved segments: dynamic ones hold a rule of the domain's rule language and their stored
 * membership (kept current by the segments module's refresh job and upkeep step); static
 * lists hold members added by hand. Member counts follow every membership write through a
 * statement trigger (cascades from deleted contacts included), and each day's size is kept.
 */
export class Segments1765710000000 implements MigrationInterface {
  name = 'Segments1765710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE segment (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        description text,
        kind text NOT NULL CHECK (kind IN ('DYNAMIC', 'STATIC')),
        rule jsonb,
        member_count integer NOT NULL DEFAULT 0,
        refresh_state text NOT NULL DEFAULT 'READY' CHECK (refresh_state IN ('PENDING', 'READY')),
        refreshed_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CHECK ((kind = 'DYNAMIC') = (rule IS NOT NULL))
      );
      CREATE UNIQUE INDEX segment_name_idx ON segment (tenant_id, lower(name));

      CREATE TABLE segment_member (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        segment_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, segment_id, contact_id),
        FOREIGN KEY (tenant_id, segment_id) REFERENCES segment (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX segment_member_contact_idx ON segment_member (tenant_id, contact_id);

      CREATE TABLE segment_size (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        segment_id uuid NOT NULL,
        day date NOT NULL,
        member_count integer NOT NULL,
        PRIMARY KEY (tenant_id, segment_id, day),
        FOREIGN KEY (tenant_id, segment_id) REFERENCES segment (tenant_id, id) ON DELETE CASCADE
      );

      -- One statement's members at once (transition tables): a refresh of a million pays once.
      CREATE FUNCTION app.count_segment_members() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE segment s SET member_count = s.member_count + d.n
          FROM (SELECT tenant_id, segment_id, count(*)::int AS n FROM changed_new GROUP BY 1, 2) d
          WHERE s.tenant_id = d.tenant_id AND s.id = d.segment_id;
        ELSE
          UPDATE segment s SET member_count = s.member_count - d.n
          FROM (SELECT tenant_id, segment_id, count(*)::int AS n FROM changed_old GROUP BY 1, 2) d
          WHERE s.tenant_id = d.tenant_id AND s.id = d.segment_id;
        END IF;
        RETURN NULL;
      END $f$;
      CREATE TRIGGER segment_member_count_insert AFTER INSERT ON segment_member
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION app.count_segment_members();
      CREATE TRIGGER segment_member_count_delete AFTER DELETE ON segment_member
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION app.count_segment_members();
    `);
    for (const table of ['segment', 'segment_member', 'segment_size'])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ANY (app.tenant_ids()));
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${RUNTIME_ROLE};
      `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE segment_size, segment_member, segment;
      DROP FUNCTION app.count_segment_members();
    `);
  }
}
