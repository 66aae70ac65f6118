import { migrate } from '@socialcrm/api/migrate';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  databaseUrl,
  dropTestDatabase,
  RUNTIME_PASSWORD,
  withClient,
} from '../support/databases.js';

describe('migrations run by replicas starting together', () => {
  const serverUrl = inject('postgresServerUrl');
  const url = databaseUrl(serverUrl, `scrm_migrate_${Date.now()}`);
  afterAll(() => dropTestDatabase(serverUrl, url));

  it('apply once on an empty database: one replica migrates, the other finds nothing pending', async () => {
    await withClient(serverUrl, (client) =>
      client.query(`CREATE DATABASE ${new URL(url).pathname.slice(1)}`),
    );
    const [first, second] = await Promise.all([
      migrate(url, RUNTIME_PASSWORD),
      migrate(url, RUNTIME_PASSWORD),
    ]);
    const applied = [...(first ?? []), ...(second ?? [])];
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length);
    expect([first?.length, second?.length]).toContain(0);
    const recorded = await withClient(url, (client) =>
      client.query<{ count: number }>('SELECT count(*)::int AS count FROM migrations'),
    );
    expect(recorded.rows[0]?.count).toBe(applied.length);
  });
});
