import type { GraphQLSchema } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { buildSchema, type ContainerType, type NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from '../../modules/api-keys/api-key.resolver.js';
import { AuthResolver } from '../../modules/auth/auth.resolver.js';
import { TrackedBrandResolver } from '../../modules/brands/tracked-brand.resolver.js';
import { ConnectorResolver } from '../../modules/connectors/connector.resolver.js';
import { ContactResolver } from '../../modules/contacts/contact.resolver.js';
import { ListeningSettingsResolver } from '../../modules/mentions/listening-settings.resolver.js';
import { MentionResolver } from '../../modules/mentions/mention.resolver.js';
import { TenancyResolver } from '../../modules/tenancy/tenancy.resolver.js';
import type { TenantRole } from '../auth/roles.js';
import type { GraphQLContext } from './graphql-context.js';

// biome-ignore lint/suspicious/noExplicitAny: resolver classes have differing constructor signatures.
export const resolvers: NonEmptyArray<new (...args: any[]) => object> = [
  AuthResolver,
  TenancyResolver,
  TrackedBrandResolver,
  ApiKeyResolver,
  ConnectorResolver,
  MentionResolver,
  ContactResolver,
  ListeningSettingsResolver,
];

export function buildApiSchema(
  container: ContainerType,
  authChecker: AuthChecker<GraphQLContext, TenantRole>,
): Promise<GraphQLSchema> {
  // TypeGraphQL types role names as strings; ours are the TenantRole enum values.
  return buildSchema({
    resolvers,
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
