import { lexicographicSortSchema, printSchema } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { ResolverClass } from '../modules/api-module.js';
import type { GraphQLContext } from './graphql-context.js';
import { buildApiSchema } from './schema.js';

/** The SDL, sorted so that diffs show real changes only. Resolvers are never called here. */
export async function printSchemaSorted(resolvers: readonly ResolverClass[]): Promise<string> {
  const noResolvers = { get: () => ({}) };
  const denyAll: AuthChecker<GraphQLContext> = () => false;
  const schema = await buildApiSchema(resolvers, noResolvers, denyAll);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
