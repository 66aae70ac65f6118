import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/** Every kind of interaction the timeline records. */
const TIMELINE_KINDS = [
  'MENTION',
  'REPLY',
  'EMAIL_SENT',
  'EMAIL_OPENED',
  'EMAIL_CLICKED',
  'EMAIL_BOUNCED',
  'EMAIL_UNSUBSCRIBED',
  'CALL',
  'MEETING',
  'NOTE',
  'ORDER',
  'LIFECYCLE_CHANGE',
  'SEGMENT_ENTERED',
  'SEGMENT_LEFT',
  'MERGE',
  'EDIT',
];
const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The customer memory: contacts with their reachable details, consent and custom fields;
 * companies and the contacts' roles there; identities with profile and last sighting; orders,
 * their lines and the tenant's currency rates; email engagement; and a timeline that only
 * grows (a trigger refuses any change but a note's new text or a merge's move).
 */
export class CustomerMemory1765100000000 implements MigrationInterface {
  name = 'CustomerMemory1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      ALTER TABLE tenant ADD COLUMN reporting_currency char(3) NOT NULL DEFAULT 'USD';

      ALTER TABLE contact
        ADD COLUMN first_name text,
        ADD COLUMN last_name text,
        ADD COLUMN emails text[] NOT NULL DEFAULT '{}',
        ADD COLUMN phones text[] NOT NULL DEFAULT '{}',
        ADD COLUMN language text,
        ADD COLUMN country char(2),
        ADD COLUMN city text,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN owner_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN email_consent boolean,
        ADD COLUMN email_consent_at timestamptz,
        ADD COLUMN email_consent_source text,
        ADD COLUMN social_consent boolean,
        ADD COLUMN social_consent_at timestamptz,
        ADD COLUMN social_consent_source text,
        ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN external_id text,
        ADD COLUMN search_document text NOT NULL DEFAULT '',
        ADD COLUMN erased_at timestamptz;
      CREATE UNIQUE INDEX contact_external_id_key ON contact (tenant_id, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX contact_emails_idx ON contact USING gin (emails);
      CREATE INDEX contact_phones_idx ON contact USING gin (phones);
      CREATE INDEX contact_search_idx ON contact USING gin (search_document gin_trgm_ops);
      CREATE INDEX contact_name_idx ON contact (tenant_id, display_name, id);
      CREATE INDEX contact_created_idx ON contact (tenant_id, created_at, id);

      ALTER TABLE social_identity
        ADD COLUMN external_id text,
        ADD COLUMN profile_url text,
        ADD COLUMN last_seen_at timestamptz;
      CREATE UNIQUE INDEX social_identity_external_id_key ON social_identity (tenant_id, channel, external_id)
        WHERE external_id IS NOT NULL;

      CREATE TABLE company (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        domain text,
        industry text,
        size text,
        custom_fields jsonb NOT NULL DEFAULT '{}',
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX company_domain_key ON company (tenant_id, domain) WHERE domain IS NOT NULL;
      CREATE UNIQUE INDEX company_external_id_key ON company (tenant_id, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX company_name_idx ON company (tenant_id, name, id);

      CREATE TABLE contact_company (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL,
        company_id uuid NOT NULL,
        role text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id, company_id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, company_id) REFERENCES company (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX contact_company_company_idx ON contact_company (tenant_id, company_id);

      CREATE TABLE custom_field_definition (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        entity text NOT NULL CHECK (entity IN ('CONTACT', 'COMPANY')),
        key text NOT NULL,
        label text NOT NULL,
        type text NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'ONE_OF')),
        options text[] NOT NULL DEFAULT '{}',
        required boolean NOT NULL DEFAULT false,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, entity, key)
      );

      CREATE TABLE currency_rate (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        currency char(3) NOT NULL,
        rate_date date NOT NULL,
        rate numeric(24, 12) NOT NULL CHECK (rate > 0),
        PRIMARY KEY (tenant_id, currency, rate_date)
      );
      COMMENT ON COLUMN currency_rate.rate IS 'Units of the tenant''s reporting currency for one unit of currency, on rate_date.';

      CREATE TABLE customer_order (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        external_id text NOT NULL,
        contact_id uuid,
        ordered_at timestamptz NOT NULL,
        amount numeric(19, 4) NOT NULL,
        currency char(3) NOT NULL,
        reporting_amount numeric(19, 4) NOT NULL,
        item_count integer NOT NULL CHECK (item_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, external_id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE SET NULL (contact_id)
      );
      CREATE INDEX customer_order_contact_idx ON customer_order (tenant_id, contact_id, ordered_at);
      CREATE INDEX customer_order_date_idx ON customer_order (tenant_id, ordered_at);

      CREATE TABLE order_line (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        order_id uuid NOT NULL,
        position integer NOT NULL,
        sku text,
        name text,
        quantity numeric(19, 4) NOT NULL,
        unit_price numeric(19, 4) NOT NULL,
        PRIMARY KEY (tenant_id, order_id, position),
        FOREIGN KEY (tenant_id, order_id) REFERENCES customer_order (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE engagement_event (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        external_id text NOT NULL,
        contact_id uuid,
        kind text NOT NULL CHECK (kind IN ('SENT', 'OPENED', 'CLICKED', 'BOUNCED', 'UNSUBSCRIBED')),
        campaign text,
        url text,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, external_id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE SET NULL (contact_id)
      );
      CREATE INDEX engagement_event_contact_idx ON engagement_event (tenant_id, contact_id, occurred_at);

      ALTER TABLE timeline_event DROP CONSTRAINT timeline_event_kind_check;
      ALTER TABLE timeline_event
        ADD CONSTRAINT timeline_event_kind_check CHECK (kind IN (${quoted(TIMELINE_KINDS)})),
        ADD COLUMN cause text NOT NULL DEFAULT 'SYSTEM'
          CHECK (cause IN ('USER', 'API_KEY', 'IMPORT', 'CONNECTOR', 'CONTACT', 'SYSTEM')),
        ADD COLUMN subject_id uuid,
        ADD COLUMN data jsonb,
        ADD COLUMN edited_at timestamptz;
      COMMENT ON COLUMN timeline_event.cause IS 'What caused the entry: a user (actor_id), an API key, an import, a connector, the contact, or the system.';
      COMMENT ON COLUMN timeline_event.subject_id IS 'The row the entry is about (an order, an engagement event, a merge…), by kind.';
      CREATE INDEX timeline_event_contact_time_idx ON timeline_event (tenant_id, contact_id, occurred_at DESC, id DESC);

      CREATE TABLE timeline_note_version (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        version integer NOT NULL,
        body text NOT NULL,
        written_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        written_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, event_id, version),
        FOREIGN KEY (tenant_id, event_id) REFERENCES timeline_event (tenant_id, id) ON DELETE CASCADE
      );

      -- The timeline only grows: a merge may move an entry to the surviving contact, a note's
      -- author may give it new text (the earlier one is kept as a version), an erasure may
      -- blank its text, a deleted mention unlinks itself; nothing else changes once written.
      CREATE FUNCTION app.timeline_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF (NEW.tenant_id, NEW.id, NEW.kind, NEW.channel, NEW.actor_id, NEW.occurred_at, NEW.created_at,
            NEW.cause, NEW.subject_id, NEW.data)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.id, OLD.kind, OLD.channel, OLD.actor_id, OLD.occurred_at, OLD.created_at,
            OLD.cause, OLD.subject_id, OLD.data)
           OR (NEW.mention_id IS DISTINCT FROM OLD.mention_id AND NEW.mention_id IS NOT NULL) THEN
          RAISE EXCEPTION 'timeline entries are append-only' USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.body IS DISTINCT FROM OLD.body AND OLD.kind <> 'NOTE' AND NEW.body IS NOT NULL THEN
          RAISE EXCEPTION 'only a note''s text can change' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $f$;
      CREATE TRIGGER timeline_event_append_only BEFORE UPDATE ON timeline_event
        FOR EACH ROW EXECUTE FUNCTION app.timeline_event_append_only();
    `);
    for (const table of [
      'company',
      'contact_company',
      'custom_field_definition',
      'currency_rate',
      'customer_order',
      'order_line',
      'engagement_event',
      'timeline_note_version',
    ])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ANY (app.tenant_ids()));
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${RUNTIME_ROLE};
      `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER timeline_event_append_only ON timeline_event;
      DROP FUNCTION app.timeline_event_append_only();
      DROP TABLE timeline_note_version, engagement_event, order_line, customer_order, currency_rate,
        custom_field_definition, contact_company, company;
      DROP INDEX timeline_event_contact_time_idx;
      ALTER TABLE timeline_event DROP CONSTRAINT timeline_event_kind_check,
        DROP COLUMN cause, DROP COLUMN subject_id, DROP COLUMN data, DROP COLUMN edited_at;
      DELETE FROM timeline_event WHERE kind NOT IN ('MENTION', 'REPLY', 'LIFECYCLE_CHANGE');
      ALTER TABLE timeline_event ADD CONSTRAINT timeline_event_kind_check
        CHECK (kind IN ('MENTION', 'REPLY', 'LIFECYCLE_CHANGE'));
      DROP INDEX social_identity_external_id_key;
      ALTER TABLE social_identity DROP COLUMN external_id, DROP COLUMN profile_url, DROP COLUMN last_seen_at;
      ALTER TABLE contact DROP COLUMN first_name, DROP COLUMN last_name, DROP COLUMN emails, DROP COLUMN phones,
        DROP COLUMN language, DROP COLUMN country, DROP COLUMN city, DROP COLUMN tags, DROP COLUMN owner_id,
        DROP COLUMN email_consent, DROP COLUMN email_consent_at, DROP COLUMN email_consent_source,
        DROP COLUMN social_consent, DROP COLUMN social_consent_at, DROP COLUMN social_consent_source,
        DROP COLUMN custom_fields, DROP COLUMN external_id, DROP COLUMN search_document, DROP COLUMN erased_at;
      ALTER TABLE tenant DROP COLUMN reporting_currency;
    `);
  }
}
