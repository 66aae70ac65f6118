import type { GraphQLSchema } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { buildSchema, type ContainerType, type NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from '../../modules/api-keys/api-key.resolver.js';
import { AuthResolver } from '../../modules/auth/auth.resolver.js';
import { TrackedBrandResolver } from '../../modules/brands/tracked-brand.resolver.js';
import { TenancyResolver } from '../../modules/tenancy/tenancy.resolver.js';
import type { TenantRole } from '../auth/roles.js';
import type { GraphQLContext } from './graphql-context.js';

// biome-ignore lint/suspicious/noExplicitAny: resolver classes have differing constructor signatures.
export const resolvers: NonEmptyArray<new (...args: any[]) => object> = [
  AuthResolver,
  TenancyResolver,
  TrackedBrandResolver,
  ApiKeyResolver,
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
  });
}
