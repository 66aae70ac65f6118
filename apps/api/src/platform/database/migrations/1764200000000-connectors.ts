import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Connectors: per-tenant sources of mentions (Meta webhooks, RSS/Atom feeds, Mastodon
 * streams) with their encrypted secrets and health, and the Meta deliveries already seen
 * (Meta signs without a timestamp, so a replayed body is refused by its digest).
 */
export class Connectors1764200000000 implements MigrationInterface {
  name = 'Connectors1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE connector (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('META_WEBHOOK', 'RSS', 'MASTODON')),
        name text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        -- AES-256-GCM under CONNECTOR_SECRET_KEY, bound to (tenant_id, id).
        secret_ciphertext text,
        -- SHA-256 of the Meta verify token; the token itself is shown once.
        verify_token_hash bytea,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'FAILING')),
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        -- Feeds: when the next poll is due (a claim pushes it ahead as a lease).
        -- Streams: until when lease_owner holds the connection.
        next_poll_at timestamptz,
        lease_owner text,
        etag text,
        last_modified text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX connector_name_key ON connector (tenant_id, lower(name));
      CREATE INDEX connector_due_idx ON connector (tenant_id, kind, next_poll_at)
        WHERE status <> 'PAUSED';

      CREATE TABLE connector_delivery (
        tenant_id uuid NOT NULL,
        connector_id uuid NOT NULL,
        digest bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, connector_id, digest),
        FOREIGN KEY (tenant_id, connector_id) REFERENCES connector (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX connector_delivery_received_idx ON connector_delivery (tenant_id, received_at);

      ALTER TABLE connector ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON connector USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE connector_delivery ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON connector_delivery USING (tenant_id = ANY (app.tenant_ids()));

      GRANT SELECT, INSERT, UPDATE, DELETE ON connector, connector_delivery TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE connector_delivery, connector');
  }
}
