import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Tables whose writes change what a contact is (its scores, stage or segments), the column
 * naming the contact, and which rows count: the timeline entries the upkeep itself writes
 * (segment and stage changes) do not, or every refresh would call for another.
 */
const CONTACT_SOURCES = [
  { table: 'contact', column: 'id', events: 'INSERT OR UPDATE', rows: '' },
  {
    table: 'social_identity',
    column: 'contact_id',
    events: 'INSERT OR UPDATE OR DELETE',
    rows: '',
  },
  { table: 'customer_order', column: 'contact_id', events: 'INSERT OR UPDATE OR DELETE', rows: '' },
  {
    table: 'engagement_event',
    column: 'contact_id',
    events: 'INSERT OR UPDATE OR DELETE',
    rows: '',
  },
  {
    table: 'timeline_event',
    column: 'contact_id',
    events: 'INSERT',
    rows: "AND kind NOT IN ('SEGMENT_ENTERED', 'SEGMENT_LEFT', 'LIFECYCLE_CHANGE')",
  },
] as const;

/**
 * What every contact carries beyond its own record (scores, value, reach), the contacts whose
 * data changed since the upkeep last looked (written by statement triggers on every table that
 * feeds them, so no write path can forget), and the one row per contact that segment rules are
 * compiled against. Also the contact's gender and birth date, which segment rules test.
 */
export class CustomerUpkeep1765700000000 implements MigrationInterface {
  name = 'CustomerUpkeep1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE contact
        ADD COLUMN gender text CHECK (gender IN ('female', 'male', 'non_binary', 'other')),
        ADD COLUMN birth_date date;

      CREATE TABLE contact_metrics (
        tenant_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        channels text[] NOT NULL DEFAULT '{}',
        followers bigint,
        sentiment double precision,
        influence double precision,
        last_interaction_at timestamptz,
        order_count integer NOT NULL DEFAULT 0,
        revenue numeric(19, 4) NOT NULL DEFAULT 0,
        first_order_at timestamptz,
        last_order_at timestamptz,
        rfm_r smallint CHECK (rfm_r BETWEEN 1 AND 5),
        rfm_f smallint CHECK (rfm_f BETWEEN 1 AND 5),
        rfm_m smallint CHECK (rfm_m BETWEEN 1 AND 5),
        rfm_segment text,
        engagement_rfm_r smallint CHECK (engagement_rfm_r BETWEEN 1 AND 5),
        engagement_rfm_f smallint CHECK (engagement_rfm_f BETWEEN 1 AND 5),
        engagement_rfm_m smallint CHECK (engagement_rfm_m BETWEEN 1 AND 5),
        engagement_rfm_segment text,
        rfm_scored_at timestamptz,
        probability_alive double precision,
        expected_purchases_90 double precision,
        expected_purchases_365 double precision,
        expected_order_value numeric(19, 4),
        clv numeric(19, 4),
        clv_fit_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
      );
      COMMENT ON TABLE contact_metrics IS 'Derived per contact by the upkeep and the scoring jobs; never written by a user.';
      CREATE INDEX contact_metrics_clv_idx ON contact_metrics (tenant_id, clv DESC NULLS LAST, contact_id);
      CREATE INDEX contact_metrics_rfm_idx ON contact_metrics (tenant_id, rfm_r, rfm_f);

      CREATE TABLE contact_change (
        tenant_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id)
      );
      COMMENT ON TABLE contact_change IS 'Contacts whose data changed since the upkeep last ran; the upkeep deletes what it handled.';

      -- One statement's rows at once (transition tables), so a bulk write pays once, not per row.
      CREATE FUNCTION app.note_contact_change() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          EXECUTE format('INSERT INTO contact_change (tenant_id, contact_id)
                          SELECT DISTINCT tenant_id, %1$I FROM changed_new WHERE %1$I IS NOT NULL %2$s
                          ON CONFLICT DO NOTHING', TG_ARGV[0], TG_ARGV[1]);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          EXECUTE format('INSERT INTO contact_change (tenant_id, contact_id)
                          SELECT DISTINCT tenant_id, %1$I FROM changed_old WHERE %1$I IS NOT NULL %2$s
                          ON CONFLICT DO NOTHING', TG_ARGV[0], TG_ARGV[1]);
        END IF;
        RETURN NULL;
      END $f$;

      -- The tenants with changes waiting: the upkeep's clock asks once instead of visiting every
      -- tenant (RLS would show it one tenant per transaction). It reveals tenant ids only, and
      -- drops what a deleted tenant's cascade noted (no foreign key: the cascade writes here
      -- after the tenant row is gone).
      CREATE FUNCTION app.tenants_with_contact_changes() RETURNS SETOF uuid
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      BEGIN
        DELETE FROM contact_change cc WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = cc.tenant_id);
        RETURN QUERY SELECT DISTINCT cc.tenant_id FROM contact_change cc;
      END $f$;
      REVOKE ALL ON FUNCTION app.tenants_with_contact_changes() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app.tenants_with_contact_changes() TO ${RUNTIME_ROLE};
    `);
    for (const { table, column, events, rows } of CONTACT_SOURCES)
      for (const event of events.split(' OR ')) {
        const transitions =
          event === 'INSERT'
            ? 'NEW TABLE AS changed_new'
            : event === 'DELETE'
              ? 'OLD TABLE AS changed_old'
              : 'NEW TABLE AS changed_new OLD TABLE AS changed_old';
        await db.query(`
          CREATE TRIGGER ${table}_contact_change_${event.toLowerCase()}
            AFTER ${event} ON ${table} REFERENCING ${transitions}
            FOR EACH STATEMENT EXECUTE FUNCTION app.note_contact_change('${column}', '${rows.replaceAll("'", "''")}')
        `);
      }
    // Segment rules are compiled against these columns (the domain's SEGMENT_COLUMNS, exactly
    // typed); security_invoker keeps the caller's row-level security.
    await db.query(`
      CREATE VIEW segment_contact WITH (security_invoker = true) AS
      SELECT c.tenant_id, c.id,
             c.first_name, c.last_name, c.emails[1] AS email, c.gender,
             (c.birth_date::timestamp AT TIME ZONE 'UTC') AS birth_date,
             c.country::text AS country, c.city, c.language, c.lifecycle_stage,
             m.rfm_r::integer AS rfm_r, m.rfm_f::integer AS rfm_f, m.rfm_m::integer AS rfm_m,
             m.rfm_segment, m.clv::double precision AS clv, m.sentiment, m.influence,
             coalesce(m.channels, '{}') AS channels, m.followers, c.tags, c.created_at,
             m.last_interaction_at
      FROM contact c
      LEFT JOIN contact_metrics m ON m.tenant_id = c.tenant_id AND m.contact_id = c.id
      WHERE c.erased_at IS NULL;
    `);
    // Every contact there is now starts with its data to look at once.
    await db.query(
      'INSERT INTO contact_change (tenant_id, contact_id) SELECT tenant_id, id FROM contact',
    );
    for (const table of ['contact_metrics', 'contact_change'])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ANY (app.tenant_ids()));
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${RUNTIME_ROLE};
      `);
    await db.query(`GRANT SELECT ON segment_contact TO ${RUNTIME_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, events } of CONTACT_SOURCES)
      for (const event of events.split(' OR '))
        await db.query(`DROP TRIGGER ${table}_contact_change_${event.toLowerCase()} ON ${table}`);
    await db.query(`
      DROP VIEW segment_contact;
      DROP FUNCTION app.tenants_with_contact_changes(), app.note_contact_change();
      DROP TABLE contact_change, contact_metrics;
      ALTER TABLE contact DROP COLUMN gender, DROP COLUMN birth_date;
    `);
  }
}
