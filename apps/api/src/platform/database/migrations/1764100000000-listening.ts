import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Contacts and their social identities, mentions, and the mention feed: an outbox written in
 * the ingesting transaction and a per-tenant ordered log the live feed reads after commit.
 */
export class Listening1764100000000 implements MigrationInterface {
  name = 'Listening1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contact (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        display_name text NOT NULL,
        lifecycle_stage text NOT NULL DEFAULT 'lead',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );

      CREATE TABLE social_identity (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        contact_id uuid,
        channel text NOT NULL,
        handle text NOT NULL,
        display_name text,
        followers integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, channel, handle),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE SET NULL (contact_id)
      );

      CREATE TABLE mention (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        channel text NOT NULL,
        external_id text NOT NULL,
        url text,
        body text NOT NULL,
        author_identity_id uuid,
        brand_ids uuid[] NOT NULL DEFAULT '{}',
        language text NOT NULL,
        sentiment_score real NOT NULL,
        sentiment_label text NOT NULL CHECK (sentiment_label IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
        reach integer NOT NULL DEFAULT 0,
        published_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, channel, external_id),
        FOREIGN KEY (tenant_id, author_identity_id) REFERENCES social_identity (tenant_id, id) ON DELETE SET NULL (author_identity_id)
      );
      CREATE INDEX mention_published_idx ON mention (tenant_id, published_at DESC, id DESC);
      CREATE INDEX mention_brands_idx ON mention USING gin (brand_ids);
      CREATE INDEX mention_search_idx ON mention USING gin (search);
      CREATE INDEX mention_author_idx ON mention (tenant_id, author_identity_id);

      -- Written in the ingesting transaction; moved to mention_feed after commit, in commit
      -- order per tenant, by whoever holds the tenant's dispatch lock.
      CREATE TABLE mention_outbox (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id bigint GENERATED ALWAYS AS IDENTITY,
        mention_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CREATED', 'UPDATED')),
        PRIMARY KEY (tenant_id, id)
      );

      -- The live feed's truth: a per-tenant ordered log; a subscriber's cursor is its seq.
      CREATE TABLE mention_feed (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        mention_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CREATED', 'UPDATED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, seq)
      );

      ALTER TABLE contact ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON contact USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE social_identity ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON social_identity USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE mention ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON mention USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE mention_outbox ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON mention_outbox USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE mention_feed ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON mention_feed USING (tenant_id = ANY (app.tenant_ids()));

      GRANT SELECT, INSERT, UPDATE, DELETE ON contact, social_identity, mention, mention_outbox, mention_feed
        TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE mention_feed, mention_outbox, mention, social_identity, contact');
  }
}
