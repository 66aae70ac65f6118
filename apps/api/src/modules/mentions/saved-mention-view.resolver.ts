import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import {
  CreateSavedMentionViewInput,
  UpdateSavedMentionViewInput,
} from './inputs/saved-mention-view.input.js';
import { MAX_SAVED_VIEWS_PER_USER, SavedMentionViewService } from './saved-mention-view.service.js';
import { SavedMentionViewType } from './saved-mention-view.type.js';

/** A user's saved views of the live feed: anyone who reads mentions may keep their own. */
@Resolver()
export class SavedMentionViewResolver {
  constructor(private readonly views: SavedMentionViewService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => [SavedMentionViewType], {
    description: `Your saved views in the active tenant, by name (at most ${MAX_SAVED_VIEWS_PER_USER}).`,
  })
  savedMentionViews(@Ctx() { operation }: GraphQLContext) {
    return this.views.list(operation);
  }

  @Authorized(TenantRole.VIEWER)
  @Mutation(() => SavedMentionViewType, {
    description: 'Saves a named mention filter for you in the active tenant.',
  })
  createSavedMentionView(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CreateSavedMentionViewInput) input: CreateSavedMentionViewInput,
  ) {
    return this.views.create(operation, input);
  }

  @Authorized(TenantRole.VIEWER)
  @Mutation(() => SavedMentionViewType, {
    description: 'Renames one of your saved views or replaces its filter.',
  })
  updateSavedMentionView(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSavedMentionViewInput) input: UpdateSavedMentionViewInput,
  ) {
    return this.views.update(operation, id, input);
  }

  @Authorized(TenantRole.VIEWER)
  @Mutation(() => ID, { description: 'Deletes one of your saved views; returns its id.' })
  deleteSavedMentionView(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.views.delete(operation, id);
  }
}
