import pg from 'pg';
import { installJobQueue } from '../jobs/install-job-queue.js';
import { createDataSource } from './data-source.js';
import { RUNTIME_ROLE } from './runtime-role.js';

// Replicas starting together each run the migrations: one at a time, under this lock (per
// database), so the second finds nothing pending instead of failing halfway through the first's.
const MIGRATION_LOCK = "hashtextextended('socialcrm:migrations', 0)";

/** Runs pending migrations as the owner and lets the runtime role log in with its password. */
export async function migrate(
  ownerUrl: string,
  runtimePassword: string,
  jobQueues: readonly string[] = [],
): Promise<string[]> {
  // Two connections: one holds the session lock while the other migrates.
  const owner = createDataSource(ownerUrl, 2, 'socialcrm-migrate');
  await owner.initialize();
  const lock = owner.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const applied = await owner.runMigrations();
    await installJobQueue(ownerUrl, jobQueues, RUNTIME_ROLE);
    // A role's password is cluster-wide state, not schema, so it is set here rather than in a
    // migration. ALTER ROLE takes no bind parameters: the literal is escaped by pg.
    await retryConcurrentUpdate(() =>
      owner.query(`ALTER ROLE ${RUNTIME_ROLE} LOGIN PASSWORD ${pg.escapeLiteral(runtimePassword)}`),
    );
    return applied.map((migration) => migration.name);
  } finally {
    // Closing the session releases its lock too; unlocking first lets a waiting replica go on.
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    await lock.release();
    await owner.destroy();
  }
}

/** The runtime role's URL on the owner's server and database. */
export function runtimeUrlFrom(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = RUNTIME_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Roles are cluster-wide rows: replicas (or test processes) starting together may update the
 * same one at once, which PostgreSQL refuses with "tuple concurrently updated". Try again.
 */
async function retryConcurrentUpdate(work: () => Promise<unknown>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      const concurrent = /tuple concurrently updated/.test(String((error as Error).message));
      if (!concurrent || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
