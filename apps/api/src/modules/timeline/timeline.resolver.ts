import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { TimelineService } from './timeline.service.js';
import {
  InteractionInput,
  NoteVersionType,
  TimelineEventConnection,
  TimelineEventType,
  TimelineFilter,
} from './timeline.type.js';
import type { TimelineNotes } from './timeline-notes.js';

@Resolver()
export class TimelineResolver {
  constructor(
    private readonly timeline: TimelineService,
    private readonly notes: TimelineNotes,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => TimelineEventConnection, {
    description:
      'Every interaction with a contact, newest first (by occurredAt, then id); the same for every user of the tenant. Pass pageInfo.endCursor as `after` for the next page.',
  })
  contactTimeline(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TimelineFilter, { nullable: true }) filter: TimelineFilter | null,
  ) {
    return this.timeline.page(operation, contactId, first, after, filter);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [NoteVersionType], {
    description: 'The earlier texts of a note, oldest first (its current text is the note’s body).',
  })
  noteVersions(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.notes.versions(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => TimelineEventType, { description: 'Adds a note to a contact’s timeline.' })
  addNote(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('body', () => String) body: string,
  ) {
    return this.notes.addNote(operation, contactId, body);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => TimelineEventType, {
    description:
      'Gives a note new text. Only its author may (FORBIDDEN otherwise); the earlier text is kept (noteVersions), up to 100 edits (CONFLICT on `id` after).',
  })
  editNote(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('body', () => String) body: string,
  ) {
    return this.notes.editNote(operation, id, body);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => TimelineEventType, {
    description: 'Logs a call or meeting with a contact on their timeline.',
  })
  logInteraction(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('input', () => InteractionInput) input: InteractionInput,
  ) {
    return this.notes.logInteraction(operation, contactId, input);
  }
}
