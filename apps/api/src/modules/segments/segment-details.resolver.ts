import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactConnection, type ContactService } from '../contacts/index.js';
import { SegmentSizeType, SegmentType } from './segment.type.js';
import type { SegmentsService } from './segments.service.js';

/** What a segment holds: its members (as the contacts list pages them) and its size over time. */
@Resolver(() => SegmentType)
export class SegmentDetailsResolver {
  constructor(
    private readonly segments: SegmentsService,
    private readonly contacts: ContactService,
  ) {}

  @FieldResolver(() => ContactConnection, {
    description: 'The members, newest contacts first, a page at a time (as `contacts` pages).',
  })
  members(
    @Root() segment: SegmentType,
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true, description: 'As the contacts list searches.' })
    search: string | null,
  ) {
    return this.contacts.list(operation, {
      first,
      after,
      search,
      filter: { segmentId: segment.id },
    });
  }

  @FieldResolver(() => [SegmentSizeType], {
    description: 'The member count at the end of each day (UTC), oldest first.',
  })
  sizeHistory(
    @Root() segment: SegmentType,
    @Ctx() { operation }: GraphQLContext,
    @Arg('days', () => Int, { defaultValue: 90, description: 'How many days back, 1 to 730.' })
    days: number,
  ) {
    return this.segments.sizeHistory(operation, segment.id, days);
  }
}
