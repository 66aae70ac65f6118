import type { GraphQLSchema } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { TenantRole } from '../auth/roles.js';
import type { ResolverClass } from '../modules/api-module.js';
import type { GraphQLContext } from './graphql-context.js';

/** The schema of the modules' resolver classes; `container` hands out their instances. */
export function buildApiSchema(
  resolvers: readonly ResolverClass[],
  container: ContainerType,
  authChecker: AuthChecker<GraphQLContext, TenantRole>,
): Promise<GraphQLSchema> {
  const [first, ...rest] = resolvers;
  if (!first) throw new Error('No module declares a resolver');
  // TypeGraphQL types role names as strings; ours are the TenantRole enum values.
  return buildSchema({
    resolvers: [first, ...rest],
    container,
    authChecker: authChecker as AuthChecker<GraphQLContext>,
    validate: false,
    pubSub: noTopicPubSub,
  });
}

// Every subscription here brings its own event source (a `subscribe` function reading the
// database-backed feed), so TypeGraphQL's topic pub/sub is never used; it insists on one.
const noTopicPubSub = {
  publish(): never {
    throw new Error('Topic pub/sub is not used: subscriptions read their own sources');
  },
  subscribe(): never {
    throw new Error('Topic pub/sub is not used: subscriptions read their own sources');
  },
};
