import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import {
  SegmentFieldType,
  SegmentInput,
  SegmentPatch,
  SegmentPreviewType,
  SegmentType,
} from './segment.type.js';
import { SegmentRuleScalar } from './segment-rule.scalar.js';
import type { SegmentsService } from './segments.service.js';

/** Segments and static lists: read by every member, defined and kept by agents. */
@Resolver()
export class SegmentsResolver {
  constructor(private readonly service: SegmentsService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => [SegmentType], { description: "The tenant's segments and static lists, by name." })
  segments(@Ctx() { operation }: GraphQLContext) {
    return this.service.list(operation);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => SegmentType, { description: 'One segment or static list.' })
  segment(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.service.get(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => SegmentPreviewType, {
    description:
      'How many contacts a rule selects now, and a few of them: the rule builder’s live count. A refused rule names each problem’s place (`rule.$.all[0].value`).',
  })
  segmentPreview(
    @Ctx() { operation }: GraphQLContext,
    @Arg('rule', () => SegmentRuleScalar) rule: unknown,
  ) {
    return this.service.preview(operation, rule);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [SegmentFieldType], {
    description: 'The fields a segment rule can test, with their operators and allowed values.',
  })
  segmentFields() {
    return this.service.fields();
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => SegmentType, {
    description:
      'Saves a segment. A dynamic one starts PENDING while its members are computed in the background.',
  })
  createSegment(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => SegmentInput) input: SegmentInput,
  ) {
    return this.service.create(operation, input);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => SegmentType, {
    description: 'Renames a segment or changes its rule (which queues a full refresh).',
  })
  updateSegment(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SegmentPatch) input: SegmentPatch,
  ) {
    return this.service.update(operation, id, input);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ID, {
    description: 'Deletes a segment with its memberships and size history; answers its id.',
  })
  deleteSegment(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.service.delete(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => SegmentType, {
    description: "Recomputes a dynamic segment's members in full, in the background.",
  })
  refreshSegment(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.service.refresh(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => SegmentType, {
    description:
      "Adds up to 1,000 contacts to a static list (members already there stay as they are); each entry is on the contact's timeline.",
  })
  addContactsToSegment(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('contactIds', () => [ID]) contactIds: string[],
  ) {
    return this.service.changeList(operation, id, contactIds, 'add');
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => SegmentType, {
    description:
      "Removes up to 1,000 contacts from a static list; each exit is on the contact's timeline.",
  })
  removeContactsFromSegment(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('contactIds', () => [ID]) contactIds: string[],
  ) {
    return this.service.changeList(operation, id, contactIds, 'remove');
  }
}
