import { Field, ID, InputType } from 'type-graphql';
import { TenantRole } from '../../../platform/auth/roles.js';

export {
  acceptInvitationSchema,
  createTenantSchema,
  inviteMemberSchema,
} from '@socialcrm/validation';

@InputType({ description: 'A new tenant (brand workspace) in an agency the caller administers.' })
export class CreateTenantInput {
  @Field(() => ID)
  agencyId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'URL name; derived from the name when omitted.',
  })
  slug?: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => String)
  email: string;

  @Field(() => TenantRole)
  role: TenantRole;
}

@InputType({
  description:
    'Accepts an invitation. A new user gives a name and chooses a password; an existing user accepts while signed in as the invited account and gives neither (UNAUTHENTICATED otherwise).',
})
export class AcceptInvitationInput {
  @Field(() => String)
  token: string;

  @Field(() => String, { nullable: true, description: "A new account's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A new account's password." })
  password?: string | null;
}
