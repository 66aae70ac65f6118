import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ListeningSettingsService } from './listening-settings.service.js';
import { ListeningSettings } from './listening-settings.type.js';

@Resolver()
export class ListeningSettingsResolver {
  constructor(private readonly settings: ListeningSettingsService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => ListeningSettings)
  listeningSettings(@Ctx() { operation }: GraphQLContext) {
    return this.settings.get(operation);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => ListeningSettings)
  updateListeningSettings(
    @Ctx() { operation }: GraphQLContext,
    @Arg('autoCreateLeads', () => Boolean) autoCreateLeads: boolean,
  ) {
    return this.settings.update(operation, autoCreateLeads);
  }
}
