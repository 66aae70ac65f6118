import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { PrivacyService } from './privacy.service.js';
import { PrivacyRequestConnection, PrivacyRequestType } from './privacy.type.js';

/** Data subjects' requests: a copy of their data, erasure, and the audit log of both. */
@Resolver(() => PrivacyRequestType)
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => String, {
    description:
      'Everything held about a contact, in every table, as one machine-readable JSON document (sections named by table: contact, social_identity, contact_company, timeline_event with note_versions, customer_order with lines, engagement_event, mention it wrote, privacy_request). A mutation because each hand-out is recorded in the privacy audit log.',
  })
  contactPersonalData(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
  ) {
    return this.privacy.exportContactData(operation, contactId);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => PrivacyRequestType, {
    description:
      'Erases a contact, in one transaction: the contact, its identities, company links and timeline (notes and their versions) are deleted; its orders and email events stay only as anonymous figures (no contact, order number replaced) so the tenant’s analytics stay true; the mentions it wrote stay as anonymous figures (no text, author, URL or post id). Recorded in the privacy audit log. A later mention by the same handle is new data and creates a new, unrelated identity.',
  })
  eraseContact(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('reason', () => String, { description: 'Why (kept in the audit log); required.' })
    reason: string,
  ) {
    return this.privacy.erase(operation, contactId, reason);
  }

  @Authorized(TenantRole.OWNER)
  @Query(() => PrivacyRequestConnection, {
    description: 'The privacy audit log of the tenant (exports and erasures), newest first.',
  })
  privacyRequests(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from pageInfo.endCursor.',
    })
    after?: string | null,
  ) {
    return this.privacy.list(operation, first, after);
  }
}
