import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestDatabase,
  dropTestDatabase,
  runtimeUrl,
  withClient,
} from '../support/databases.js';
import { createWorld, type World } from '../support/world.js';

// These tests talk SQL directly as the api's runtime role: the second wall must hold even if
// application code forgets to scope a query.
describe('row-level security', () => {
  let serverUrl: string;
  let databaseUrl: string;
  let world: World;
  let runtime: pg.Client;

  beforeAll(async () => {
    serverUrl = inject('postgresServerUrl');
    databaseUrl = await createTestDatabase(serverUrl, inject('templateDatabase'));
    world = await createWorld(databaseUrl);
    runtime = new pg.Client({ connectionString: runtimeUrl(databaseUrl) });
    await runtime.connect();
  });
  afterAll(async () => {
    await runtime?.end();
    await dropTestDatabase(serverUrl, databaseUrl);
  });

  async function inTenant<T>(tenantIds: string[] | null, work: () => Promise<T>): Promise<T> {
    await runtime.query('BEGIN');
    try {
      if (tenantIds)
        await runtime.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
          `{${tenantIds.join(',')}}`,
        ]);
      return await work();
    } finally {
      await runtime.query('ROLLBACK');
    }
  }

  it('runs the api as a role that is not superuser, cannot bypass RLS and owns no table', async () => {
    const { rows } = await runtime.query(
      `SELECT rolsuper, rolbypassrls, (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
       FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('forces RLS with a policy on every table that has a tenant_id column', async () => {
    const { rows } = await withClient(databaseUrl, (db) =>
      db.query(
        `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const unprotected = rows.filter(
      (row) => !row.relrowsecurity || !row.relforcerowsecurity || row.policies === 0,
    );
    expect(unprotected.map((row) => row.relname)).toEqual([]);
  });

  it('makes views security_invoker so they cannot read with their owner’s rights', async () => {
    const { rows } = await withClient(databaseUrl, (db) =>
      db.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind = 'v' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)`,
      ),
    );
    expect(rows).toEqual([]);
  });

  it('reads zero rows and cannot insert when no tenant is set', async () => {
    await inTenant(null, async () => {
      const { rows } = await runtime.query('SELECT count(*)::int AS n FROM tracked_brand');
      expect(rows[0].n).toBe(0);
    });
    await expect(
      inTenant(null, () =>
        runtime.query(
          `INSERT INTO tracked_brand (tenant_id, id, name, kind) VALUES ($1, gen_random_uuid(), 'X', 'OWN')`,
          [world.tenants.a],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('reads zero rows when the setting is an empty string (a pooled connection after a transaction)', async () => {
    await runtime.query(`SELECT set_config('app.tenant_ids', '', false)`);
    const { rows } = await runtime.query('SELECT count(*)::int AS n FROM tracked_brand');
    expect(rows[0].n).toBe(0);
  });

  it("sees only its own tenant's rows with a tenant set (positive control)", async () => {
    await inTenant([world.tenants.a], async () => {
      const { rows } = await runtime.query('SELECT tenant_id FROM tracked_brand');
      expect(rows.map((row) => row.tenant_id)).toEqual([world.tenants.a]);
    });
  });

  it("cannot insert, update or delete another tenant's rows with tenant A set", async () => {
    await expect(
      inTenant([world.tenants.a], () =>
        runtime.query(
          `INSERT INTO tracked_brand (tenant_id, id, name, kind) VALUES ($1, gen_random_uuid(), 'X', 'OWN')`,
          [world.tenants.b],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await inTenant([world.tenants.a], async () => {
      const updated = await runtime.query(
        `UPDATE tracked_brand SET name = 'stolen' WHERE tenant_id = $1`,
        [world.tenants.b],
      );
      const deleted = await runtime.query('DELETE FROM tracked_brand WHERE tenant_id = $1', [
        world.tenants.b,
      ]);
      expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
    });
    await expect(
      inTenant([world.tenants.a], () =>
        runtime.query('UPDATE tracked_brand SET tenant_id = $1 WHERE tenant_id = $2', [
          world.tenants.b,
          world.tenants.a,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lists memberships of the current user only, and writes them only inside the tenant', async () => {
    await runtime.query('BEGIN');
    try {
      await runtime.query(`SELECT set_config('app.user_id', $1, true)`, [world.users.bOwner.id]);
      const { rows } = await runtime.query('SELECT tenant_id FROM membership');
      expect(rows.map((row) => row.tenant_id)).toEqual([world.tenants.b]);
      await expect(
        runtime.query(
          `INSERT INTO membership (tenant_id, user_id, role) VALUES ($1, $2, 'OWNER')`,
          [world.tenants.a, world.users.bOwner.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await runtime.query('ROLLBACK');
    }
  });

  it('shows agency memberships of the current user, and of the tenant’s agency inside it, and writes none', async () => {
    await runtime.query('BEGIN');
    try {
      await runtime.query(`SELECT set_config('app.user_id', $1, true)`, [world.users.bOwner.id]);
      const outside = await runtime.query('SELECT user_id FROM agency_membership');
      expect(outside.rows).toEqual([]);
      await runtime.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
        `{${world.tenants.a}}`,
      ]);
      const inside = await runtime.query('SELECT user_id FROM agency_membership ORDER BY user_id');
      expect(inside.rows.map((row) => row.user_id).sort()).toEqual(
        [world.users.northAdmin.id, world.users.northMember.id].sort(),
      );
      await expect(
        runtime.query(
          `INSERT INTO agency_membership (agency_id, user_id, role) VALUES ($1, $2, 'ADMIN')`,
          [world.agencies.north, world.users.bOwner.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await runtime.query('ROLLBACK');
    }
  });
});
