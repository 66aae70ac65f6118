import { randomBytes } from 'node:crypto';
import { migrate } from '@socialcrm/api/migrate';
import type { TestProject } from 'vitest/node';
import { databaseUrl, RUNTIME_PASSWORD, withClient } from './databases.js';
import { startPostgresServer } from './postgres-server.js';
import { sharedRedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}

/**
 * Starts (or reuses) PostgreSQL and Redis once and migrates a template database the test files
 * clone. Every api process under test shares that Redis, as replicas in production do.
 */
export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  const redis = await sharedRedisServer();
  project.provide('redisUrl', redis.url);
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
    redis.stop();
  };
}
