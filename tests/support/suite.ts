import { afterAll, beforeAll, inject } from 'vitest';
import { type ApiProcess, startApi } from './api-process.js';
import { createTestDatabase, dropTestDatabase } from './databases.js';
import { secretsInLog } from './log-hygiene.js';
import { createWorld, type World } from './world.js';

export interface Suite {
  readonly serverUrl: string;
  readonly databaseUrl: string;
  readonly api: ApiProcess;
  readonly world: World;
}

/**
 * Per test file: a fresh database cloned from the migrated template, the world of fixtures,
 * and the real api process against it. Read the returned object inside tests (set in beforeAll).
 */
export function useSuite(env: Record<string, string> = {}): Suite {
  const suite = {} as { -readonly [K in keyof Suite]: Suite[K] };
  beforeAll(async () => {
    suite.serverUrl = inject('postgresServerUrl');
    suite.databaseUrl = await createTestDatabase(suite.serverUrl, inject('templateDatabase'));
    suite.world = await createWorld(suite.databaseUrl);
    suite.api = await startApi(suite.databaseUrl, env);
  });
  afterAll(async () => {
    await suite.api?.stop();
    if (suite.databaseUrl) await dropTestDatabase(suite.serverUrl, suite.databaseUrl);
    // Every suite's whole api log is scanned: together, a full run's.
    const leaks = suite.api && suite.world ? secretsInLog(suite.api.output(), suite.world) : [];
    if (leaks.length) throw new Error(`The api's log holds ${leaks.join(', ')}`);
  });
  return suite;
}
