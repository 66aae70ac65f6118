import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeyType, CreateApiKeyInput, CreatedApiKey } from './api-key.type.js';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  constructor(private readonly apiKeyService: ApiKeyService) {}

  @Authorized(TenantRole.OWNER)
  @Query(() => [ApiKeyType], {
    description: 'API keys of the active tenant (at most 200, newest first).',
  })
  apiKeys(@Ctx() { operation }: GraphQLContext) {
    return this.apiKeyService.list(operation);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => CreatedApiKey)
  createApiKey(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
  ) {
    return this.apiKeyService.create(operation, input);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => ApiKeyType, { description: 'Revokes an API key at once; it keeps its record.' })
  revokeApiKey(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.apiKeyService.revoke(operation, id);
  }
}
