import { migrate } from '@socialcrm/api/migrate';
import type { TestProject } from 'vitest/node';
import { databaseUrl, RUNTIME_PASSWORD, TEMPLATE_DATABASE, withClient } from './databases.js';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

/** Starts (or reuses) PostgreSQL once and migrates a template database the test files clone. */
export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  await withClient(server.url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await migrate(databaseUrl(server.url, TEMPLATE_DATABASE), RUNTIME_PASSWORD);
  project.provide('postgresServerUrl', server.url);
  return async () => {
    await server.stop();
  };
}
