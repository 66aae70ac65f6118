import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Tenancy, sign-in and tracked brands. Every table with a tenant_id has row-level security
 * enabled and forced; the runtime role owns nothing and only gets the grants below.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
          CREATE ROLE ${RUNTIME_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$;

      CREATE SCHEMA app;

      -- The tenants and user of the current transaction, read fail-closed: a pooled
      -- connection reads an unset value back as '' rather than NULL.
      CREATE FUNCTION app.tenant_ids() RETURNS uuid[] LANGUAGE sql STABLE AS $f$
        SELECT coalesce(nullif(current_setting('app.tenant_ids', true), '')::uuid[], '{}')
      $f$;
      CREATE FUNCTION app.user_id() RETURNS uuid LANGUAGE sql STABLE AS $f$
        SELECT nullif(current_setting('app.user_id', true), '')::uuid
      $f$;

      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid REFERENCES agency (id),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tenant_agency_idx ON tenant (agency_id);

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        locale text NOT NULL DEFAULT 'es',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

      CREATE TABLE agency_membership (
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, user_id)
      );
      CREATE INDEX agency_membership_user_idx ON agency_membership (user_id);

      CREATE TABLE membership (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'AGENT', 'VIEWER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id)
      );
      CREATE INDEX membership_user_idx ON membership (user_id);

      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);

      CREATE TABLE invitation (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'AGENT', 'VIEWER')),
        token_hash bytea NOT NULL UNIQUE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );

      CREATE TABLE api_key (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash bytea NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'AGENT', 'VIEWER')),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX api_key_created_idx ON api_key (tenant_id, created_at DESC, id DESC);

      CREATE TABLE tracked_brand (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('OWN', 'COMPETITOR')),
        keywords text[] NOT NULL DEFAULT '{}',
        hashtags text[] NOT NULL DEFAULT '{}',
        handles text[] NOT NULL DEFAULT '{}',
        excluded_terms text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX tracked_brand_name_key ON tracked_brand (tenant_id, lower(name));
      CREATE INDEX tracked_brand_created_idx ON tracked_brand (tenant_id, created_at DESC, id DESC);

      -- Tenant isolation: a row is visible and writable only inside its tenant's transaction.
      ALTER TABLE invitation ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON invitation USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE api_key ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON api_key USING (tenant_id = ANY (app.tenant_ids()));
      ALTER TABLE tracked_brand ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON tracked_brand USING (tenant_id = ANY (app.tenant_ids()));
      -- A user also sees their own memberships (to list the tenants they reach) but writes
      -- only inside the tenant's transaction.
      ALTER TABLE membership ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON membership
        USING (tenant_id = ANY (app.tenant_ids()) OR user_id = app.user_id())
        WITH CHECK (tenant_id = ANY (app.tenant_ids()));

      -- Every tenant the current user reaches, with the strongest role from a direct
      -- membership or an agency membership (agency admin acts as owner, member as manager).
      CREATE VIEW app.user_tenant_access WITH (security_invoker = true) AS
        SELECT tenant_id, (ARRAY['VIEWER', 'AGENT', 'MANAGER', 'OWNER'])[max(rank)] AS role
        FROM (
          SELECT m.tenant_id, array_position(ARRAY['VIEWER', 'AGENT', 'MANAGER', 'OWNER'], m.role) AS rank
          FROM membership m WHERE m.user_id = app.user_id()
          UNION ALL
          SELECT t.id, CASE am.role WHEN 'ADMIN' THEN 4 ELSE 3 END
          FROM agency_membership am JOIN tenant t ON t.agency_id = am.agency_id
          WHERE am.user_id = app.user_id()
        ) reach
        GROUP BY tenant_id;

      -- First statement of every user operation: sets the user, checks that the sign-in
      -- session is alive (sign-out revokes access tokens too), checks the requested tenant
      -- against the user's reach and, only when reachable, admits that tenant's rows.
      CREATE FUNCTION app.begin_user_operation(
        p_user uuid, p_session uuid, p_tenant uuid, OUT session_active boolean, OUT role text
      ) LANGUAGE plpgsql AS $f$
      BEGIN
        PERFORM set_config('app.user_id', p_user::text, true);
        session_active := EXISTS (
          SELECT 1 FROM refresh_token r
          WHERE r.family_id = p_session AND r.user_id = p_user AND r.revoked_at IS NULL
        );
        IF NOT session_active OR p_tenant IS NULL THEN RETURN; END IF;
        SELECT a.role INTO role FROM app.user_tenant_access a WHERE a.tenant_id = p_tenant;
        IF role IS NOT NULL THEN
          PERFORM set_config('app.tenant_ids', ARRAY[p_tenant]::text, true);
        END IF;
      END $f$;

      GRANT USAGE ON SCHEMA public, app TO ${RUNTIME_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON
        agency, tenant, app_user, agency_membership, membership, refresh_token,
        invitation, api_key, tracked_brand
      TO ${RUNTIME_ROLE};
      GRANT SELECT ON app.user_tenant_access TO ${RUNTIME_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP SCHEMA app CASCADE;
      DROP TABLE tracked_brand, api_key, invitation, refresh_token, membership,
        agency_membership, app_user, tenant, agency;
      DROP OWNED BY ${RUNTIME_ROLE};
    `);
  }
}
