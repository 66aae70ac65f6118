import { lexicographicSortSchema, printSchema } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { GraphQLContext } from './graphql-context.js';
import { buildApiSchema } from './schema.js';

/** The SDL, sorted so that diffs show real changes only. Resolvers are never called here. */
export async function printSchemaSorted(): Promise<string> {
  const noResolvers = { get: () => ({}) };
  const denyAll: AuthChecker<GraphQLContext> = () => false;
  const schema = await buildApiSchema(noResolvers, denyAll);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
