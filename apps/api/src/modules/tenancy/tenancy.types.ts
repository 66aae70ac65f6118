import { Field, ID, ObjectType } from 'type-graphql';
import { AgencyRole, TenantRole } from '../../platform/auth/roles.js';
import { Connection } from '../../platform/graphql/connection.js';

@ObjectType('Agency', {
  description: 'An agency: runs the social presence of several brands (tenants).',
})
export class AgencyType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  slug: string;
}

@ObjectType('Tenant', {
  description: "A brand's workspace. Everything a client sees belongs to one tenant.",
})
export class TenantType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  slug: string;

  @Field(() => AgencyType, {
    nullable: true,
    description: 'The agency that runs this tenant, if any.',
  })
  agency: AgencyType | null;
}

@ObjectType({ description: 'A tenant the user reaches and the strongest role they hold there.' })
export class TenantAccess {
  @Field(() => TenantType)
  tenant: TenantType;

  @Field(() => TenantRole)
  role: TenantRole;
}

@ObjectType()
export class AgencyAccess {
  @Field(() => AgencyType)
  agency: AgencyType;

  @Field(() => AgencyRole)
  role: AgencyRole;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Preferred UI language: es, en or ru.' })
  locale: string;
}

@ObjectType({
  description:
    'Someone with access to the active tenant, and how: a direct membership, the agency that runs it, or both.',
})
export class PersonWithAccess {
  @Field(() => UserType)
  user: UserType;

  @Field(() => TenantRole, { description: 'The strongest role they act with here.' })
  role: TenantRole;

  @Field(() => TenantRole, { nullable: true, description: 'Their direct membership, if any.' })
  directRole: TenantRole | null;

  @Field(() => AgencyRole, {
    nullable: true,
    description: 'Their role in the agency that runs this tenant, if any.',
  })
  agencyRole: AgencyRole | null;
}

@ObjectType({ description: 'The signed-in user and everything they can reach.' })
export class Me {
  @Field(() => UserType)
  user: UserType;

  @Field(() => [TenantAccess], {
    description: 'Every reachable tenant (at most 1,000), grouped by agency then by name.',
  })
  tenants: TenantAccess[];

  @Field(() => [AgencyAccess])
  agencies: AgencyAccess[];
}

@ObjectType('Member', { description: "A user's direct membership of the active tenant." })
export class MemberType {
  @Field(() => ID)
  id: string;

  @Field(() => UserType)
  user: UserType;

  @Field(() => TenantRole)
  role: TenantRole;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class MemberConnection extends Connection(MemberType, 'Member') {}

@ObjectType('Invitation', { description: 'A pending invitation to join the active tenant.' })
export class InvitationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => TenantRole)
  role: TenantRole;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({
  description:
    'A new invitation and its token. The token is shown only here: send it to the invitee.',
})
export class CreatedInvitation {
  @Field(() => InvitationType)
  invitation: InvitationType;

  @Field(() => String, { description: 'Single-use; expires with the invitation.' })
  token: string;
}
