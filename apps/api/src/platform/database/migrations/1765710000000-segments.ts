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

      -- Each membership statement appends its net change per segment (transition tables: a
      -- refresh of a million pays once). Appending, rather than updating the segment row, never
      -- waits on a segment another transaction holds: a contact's deletion cascading here while
      -- a refresh holds the segment must not deadlock with it. Whoever holds the segment folds
      -- the changes into member_count; readers add what is not folded yet.
      CREATE TABLE segment_count_change (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        segment_id uuid NOT NULL,
        delta integer NOT NULL,
        FOREIGN KEY (tenant_id, segment_id) REFERENCES segment (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX segment_count_change_idx ON segment_count_change (tenant_id, segment_id);

      CREATE FUNCTION app.count_segment_members() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO segment_count_change (tenant_id, segment_id, delta)
          SELECT tenant_id, segment_id, count(*)::int FROM changed_new GROUP BY 1, 2;
        ELSE
          INSERT INTO segment_count_change (tenant_id, segment_id, delta)
          SELECT o.tenant_id, o.segment_id, -count(*)::int FROM changed_old o
          WHERE EXISTS (SELECT 1 FROM segment s WHERE s.tenant_id = o.tenant_id AND s.id = o.segment_id)
          GROUP BY 1, 2;
        END IF;
        RETURN NULL;
      END $f$;
      CREATE TRIGGER segment_member_count_insert AFTER INSERT ON segment_member
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION app.count_segment_members();
      CREATE TRIGGER segment_member_count_delete AFTER DELETE ON segment_member
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION app.count_segment_members();
    `);
    for (const table of ['segment', 'segment_member', 'segment_size', 'segment_count_change'])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ANY (app.tenant_ids()));
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${RUNTIME_ROLE};
      `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE segment_count_change, segment_size, segment_member, segment;
      DROP FUNCTION app.count_segment_members();
    `);
  }
}
