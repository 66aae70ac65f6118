import { Field, ID, InputType } from 'type-graphql';
import { z } from 'zod';
import { TenantRole } from '../../../platform/auth/roles.js';
import { atMostCharacters } from '../../../platform/graphql/validation.js';
import { emailSchema } from '../../auth/index.js';

const slug = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case letters and digits separated by single hyphens',
  )
  .refine(...atMostCharacters(60));

export const createTenantSchema = z.object({
  agencyId: z.uuid('is not a valid id'),
  name: z
    .string()
    .trim()
    .min(2, 'must have at least 2 characters')
    .refine(...atMostCharacters(120)),
  slug: slug.optional(),
});

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

export const inviteMemberSchema = z.object({ email: emailSchema, role: z.enum(TenantRole) });

@InputType()
export class InviteMemberInput {
  @Field(() => String)
  email: string;

  @Field(() => TenantRole)
  role: TenantRole;
}

export const acceptInvitationSchema = z.object({
  token: z.string().min(1, 'is required').max(200, 'is not a valid invitation token'),
  name: z
    .string()
    .trim()
    .min(1, 'is required')
    .refine(...atMostCharacters(120))
    .nullish()
    .transform((name) => name || undefined),
  password: z
    .string()
    .refine(...atMostCharacters(256))
    .nullish()
    .transform((password) => password || undefined),
});

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
