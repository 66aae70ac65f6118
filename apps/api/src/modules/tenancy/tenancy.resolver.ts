import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { AuthPayload } from '../auth/index.js';
import {
  AcceptInvitationInput,
  CreateTenantInput,
  InviteMemberInput,
} from './inputs/tenancy.input.js';
import { InvitationService } from './invitation.service.js';
import { MemberService } from './member.service.js';
import { TenancyService } from './tenancy.service.js';
import {
  CreatedInvitation,
  InvitationType,
  Me,
  MemberConnection,
  MemberType,
  PersonWithAccess,
  TenantType,
} from './tenancy.types.js';

@Resolver()
export class TenancyResolver {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly memberService: MemberService,
    private readonly invitationService: InvitationService,
  ) {}

  @Authorized()
  @Query(() => Me, {
    description: 'The signed-in user, the tenants they reach and their role in each.',
  })
  me(@Ctx() { operation }: GraphQLContext) {
    return this.tenancy.me(operation);
  }

  @Authorized()
  @Mutation(() => TenantType, {
    description: 'Creates a tenant in an agency; the caller must be an admin of that agency.',
  })
  createTenant(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CreateTenantInput) input: CreateTenantInput,
  ) {
    return this.tenancy.createTenant(operation, input);
  }

  @Authorized(TenantRole.MANAGER)
  @Query(() => MemberConnection, { description: 'Direct members of the active tenant.' })
  members(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.memberService.list(operation, first, after);
  }

  @Authorized(TenantRole.MANAGER)
  @Query(() => [PersonWithAccess], {
    description:
      'Everyone with access to the active tenant (direct members and the staff of the agency that runs it), at most 500, by name.',
  })
  peopleWithAccess(@Ctx() { operation }: GraphQLContext) {
    return this.memberService.peopleWithAccess(operation);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => MemberType, {
    description: 'Changes a member’s role. The last owner cannot be demoted.',
  })
  changeMemberRole(
    @Ctx() { operation }: GraphQLContext,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => TenantRole) role: TenantRole,
  ) {
    return this.memberService.changeRole(operation, userId, role);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => ID, {
    description:
      'Removes a member from the active tenant; returns the user id. The last owner cannot be removed.',
  })
  removeMember(@Ctx() { operation }: GraphQLContext, @Arg('userId', () => ID) userId: string) {
    return this.memberService.remove(operation, userId);
  }

  @Authorized(TenantRole.OWNER)
  @Query(() => [InvitationType], {
    description: 'Pending invitations of the active tenant (at most 200, newest first).',
  })
  invitations(@Ctx() { operation }: GraphQLContext) {
    return this.invitationService.pending(operation);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => CreatedInvitation, {
    description: 'Invites someone to the active tenant with a role; valid for 7 days, once.',
  })
  inviteMember(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => InviteMemberInput) input: InviteMemberInput,
  ) {
    return this.invitationService.invite(operation, input);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => ID, { description: 'Revokes a pending invitation; returns its id.' })
  revokeInvitation(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.invitationService.revoke(operation, id);
  }

  @Mutation(() => AuthPayload, { description: 'Accepts an invitation and signs the invitee in.' })
  acceptInvitation(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
  ) {
    return this.invitationService.accept(operation, input);
  }
}
