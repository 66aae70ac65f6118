import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const RUNTIME_PASSWORD = 'socialcrm_app_test';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One database per test file, cloned from the migrated template (fast, no migration races). */
export async function createTestDatabase(serverUrl: string, template: string): Promise<string> {
  const name = `scrm_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`),
  );
  return databaseUrl(serverUrl, name);
}

export async function dropTestDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

/** The runtime role's URL for a database (the role the api uses: no BYPASSRLS, owns nothing). */
export function runtimeUrl(url: string): string {
  const runtime = new URL(url);
  runtime.username = 'socialcrm_app';
  runtime.password = RUNTIME_PASSWORD;
  return runtime.toString();
}
