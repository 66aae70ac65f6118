import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { createDataSource } from '@socialcrm/api/data-source';
import { type Operation, OperationScopes } from '@socialcrm/api/operation-scope';
import { operationScopePlugin } from '@socialcrm/api/operation-scope-plugin';
import { systemContext } from '@socialcrm/api/request-context';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestDatabase,
  dropTestDatabase,
  runtimeUrl,
  withClient,
} from '../support/databases.js';
import { createWorld, type World } from '../support/world.js';

// Every mutation of the api returns a non-null type, which hides a partial answer today. Here
// the real plugin and transaction run a schema whose mutation fields are nullable, the kind
// the next module may add.
const typeDefs = `
  type Query { ok: Boolean }
  type Mutation { addBrand(name: String!): String, fail: String }
`;

type DemoContext = { operation: Operation };

describe('a mutation whose transaction rolls back', () => {
  let serverUrl: string;
  let databaseUrl: string;
  let world: World;
  let runtime: ReturnType<typeof createDataSource>;
  let apollo: ApolloServer<DemoContext>;
  let scopes: OperationScopes;

  beforeAll(async () => {
    serverUrl = inject('postgresServerUrl');
    databaseUrl = await createTestDatabase(serverUrl, inject('templateDatabase'));
    world = await createWorld(databaseUrl);
    runtime = createDataSource(runtimeUrl(databaseUrl), 2, 'rolled-back-spec');
    await runtime.initialize();
    scopes = new OperationScopes(runtime);
    apollo = new ApolloServer({
      typeDefs,
      resolvers: {
        Mutation: {
          addBrand: async (_: unknown, { name }: { name: string }, { operation }) => {
            const manager = await operation.manager();
            await manager.query(
              `INSERT INTO tracked_brand (tenant_id, id, name, kind, keywords)
               VALUES ($1, gen_random_uuid(), $2, 'OWN', ARRAY[$2])`,
              [world.tenants.a, name],
            );
            return name;
          },
          fail: () => {
            throw new Error('the second field fails');
          },
        },
      },
      // The plugin reads only `operation` of the api's context.
      plugins: [
        operationScopePlugin(scopes, () => {}) as unknown as ApolloServerPlugin<DemoContext>,
      ],
    });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo?.stop();
    await runtime?.destroy();
    await dropTestDatabase(serverUrl, databaseUrl);
  });

  const brandNamed = (name: string) =>
    withClient(
      databaseUrl,
      async (client) =>
        (await client.query('SELECT 1 FROM tracked_brand WHERE name = $1', [name])).rowCount,
    );

  it('answers no data, so the nullable field cannot report the undone write', async () => {
    const response = await apollo.executeOperation(
      { query: 'mutation { addBrand(name: "Undone Coffee") fail }' },
      { contextValue: { operation: scopes.operation(systemContext(world.tenants.a)) } },
    );
    const body = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(body?.errors).toHaveLength(1);
    expect(body?.data).toBeNull();
    expect(await brandNamed('Undone Coffee')).toBe(0);
  });

  it('answers the data of a mutation that committed', async () => {
    const response = await apollo.executeOperation(
      { query: 'mutation { addBrand(name: "Kept Coffee") }' },
      { contextValue: { operation: scopes.operation(systemContext(world.tenants.a)) } },
    );
    const body = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(body?.data).toEqual({ addBrand: 'Kept Coffee' });
    expect(await brandNamed('Kept Coffee')).toBe(1);
  });
});
