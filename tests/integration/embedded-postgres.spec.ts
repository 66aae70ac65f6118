import { chmodSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@socialcrm/api/embedded-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import { freePort } from '../support/redis-server.js';

const dataDirectoryOf = (url: string) =>
  withClient(
    url,
    async (client) => (await client.query('SHOW data_directory')).rows[0]?.data_directory,
  );

// `pnpm start` without DATABASE_URL: two clones must never share one clone's database.
describe('the embedded PostgreSQL of a clone', () => {
  const root = mkdtempSync(join(tmpdir(), 'scrm-embedded-'));
  // As root, PostgreSQL runs as its own user, which must reach the data folders.
  chmodSync(root, 0o755);
  const started: EmbeddedDatabase[] = [];
  afterAll(async () => {
    for (const database of started.reverse()) await database.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reuses only a server on its own data folder, and moves to a free port otherwise', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres(join(root, 'first'), port);
    started.push(first);
    expect(new URL(first.ownerUrl).port).toBe(String(port));

    const second = await startEmbeddedPostgres(join(root, 'second'), port);
    started.push(second);
    expect(new URL(second.ownerUrl).port).not.toBe(String(port));
    expect(await dataDirectoryOf(second.ownerUrl)).toBe(realpathSync(join(root, 'second')));

    // The first clone started again (its server still running) finds its own server.
    const again = await startEmbeddedPostgres(join(root, 'first'), port);
    expect(again.ownerUrl).toBe(first.ownerUrl);
    expect(await dataDirectoryOf(again.ownerUrl)).toBe(realpathSync(join(root, 'first')));
  });
});
