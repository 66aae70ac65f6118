import pg from 'pg';
import { createDataSource } from './data-source.js';
import { RUNTIME_ROLE } from './runtime-role.js';

/** Runs pending migrations as the owner and lets the runtime role log in with its password. */
export async function migrate(ownerUrl: string, runtimePassword: string): Promise<string[]> {
  const owner = createDataSource(ownerUrl, 1, 'socialcrm-migrate');
  await owner.initialize();
  try {
    const applied = await owner.runMigrations();
    // A role's password is cluster-wide state, not schema, so it is set here rather than in a
    // migration. ALTER ROLE takes no bind parameters: the literal is escaped by pg.
    await retryConcurrentUpdate(() =>
      owner.query(`ALTER ROLE ${RUNTIME_ROLE} LOGIN PASSWORD ${pg.escapeLiteral(runtimePassword)}`),
    );
    return applied.map((migration) => migration.name);
  } finally {
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
