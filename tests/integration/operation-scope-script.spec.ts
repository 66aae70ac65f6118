import { createDataSource } from '@socialcrm/api/data-source';
import { OperationScopes } from '@socialcrm/api/operation-scope';
import { systemContext } from '@socialcrm/api/request-context';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestDatabase,
  dropTestDatabase,
  runtimeUrl,
  withClient,
} from '../support/databases.js';
import { createWorld, type World } from '../support/world.js';

// `OperationScopes.script` sends a system job's whole transaction as one query; it must keep
// the guarantees of the parameterised path: row-level security, and all or nothing.
describe('one-round-trip system transactions', () => {
  let serverUrl: string;
  let databaseUrl: string;
  let world: World;
  let runtime: ReturnType<typeof createDataSource>;
  let scopes: OperationScopes;

  beforeAll(async () => {
    serverUrl = inject('postgresServerUrl');
    databaseUrl = await createTestDatabase(serverUrl, inject('templateDatabase'));
    world = await createWorld(databaseUrl);
    runtime = createDataSource(runtimeUrl(databaseUrl), 2, 'script-spec');
    await runtime.initialize();
    scopes = new OperationScopes(runtime);
  });
  afterAll(async () => {
    await runtime?.destroy();
    await dropTestDatabase(serverUrl, databaseUrl);
  });

  it('sees only the named tenant’s rows, as the runtime role', async () => {
    const [brands, session] = await scopes.script(systemContext(world.tenants.a), [
      'SELECT tenant_id FROM tracked_brand',
      `SELECT current_user AS role, current_setting('app.tenant_ids') AS tenants`,
    ]);
    expect(brands).toEqual([{ tenant_id: world.tenants.a }]);
    expect(session).toEqual([{ role: 'socialcrm_app', tenants: `{${world.tenants.a}}` }]);
  });

  it('writes nothing when a statement fails, and leaves the connection usable', async () => {
    const brandName = 'Half-written brand';
    await expect(
      scopes.script(systemContext(world.tenants.a), [
        `INSERT INTO tracked_brand (tenant_id, id, name, kind, keywords)
         VALUES ('${world.tenants.a}', gen_random_uuid(), '${brandName}', 'OWN', '{}')`,
        'SELECT 1 / 0',
      ]),
    ).rejects.toThrow(/division by zero/);
    const written = await withClient(databaseUrl, (db) =>
      db.query('SELECT count(*)::int AS n FROM tracked_brand WHERE name = $1', [brandName]),
    );
    expect(written.rows[0].n).toBe(0);
    // Both pooled connections answer in a fresh transaction (none was left aborted).
    const answers = await Promise.all(
      [1, 2].map(() =>
        scopes.script(systemContext(world.tenants.b), [
          'SELECT count(*)::int AS n FROM tracked_brand',
        ]),
      ),
    );
    expect(answers).toEqual([[[{ n: 1 }]], [[{ n: 1 }]]]);
  });

  it('refuses a tenant id that is not a UUID before anything is sent', async () => {
    await expect(scopes.script(systemContext(`${world.tenants.a}'`), ['SELECT 1'])).rejects.toThrow(
      'not a UUID',
    );
  });
});
