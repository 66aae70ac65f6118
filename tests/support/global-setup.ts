import { randomBytes } from 'node:crypto';
import { migrate } from '@socialcrm/api/migrate';
import type { TestProject } from 'vitest/node';
import { databaseUrl, RUNTIME_PASSWORD, withClient } from './databases.js';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabase: string;
  }
}

/** Starts (or reuses) PostgreSQL once and migrates a template database the test files clone. */
export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  // Unique per run, so two runs on one server (a developer and CI) do not collide.
  const template = `scrm_template_${randomBytes(4).toString('hex')}`;
  await withClient(server.url, (client) => client.query(`CREATE DATABASE ${template}`));
  await migrate(databaseUrl(server.url, template), RUNTIME_PASSWORD);
  project.provide('postgresServerUrl', server.url);
  project.provide('templateDatabase', template);
  return async () => {
    await withClient(server.url, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`),
    );
    await server.stop();
  };
}
