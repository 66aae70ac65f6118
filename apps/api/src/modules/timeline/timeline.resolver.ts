import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { TimelineService } from './timeline.service.js';
import { TimelineEventConnection } from './timeline.type.js';

@Resolver()
export class TimelineResolver {
  constructor(private readonly timeline: TimelineService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => TimelineEventConnection, {
    description: 'Every interaction with a contact, newest first.',
  })
  contactTimeline(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.timeline.page(operation, contactId, first, after);
  }
}
