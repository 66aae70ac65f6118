import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IdentityChannel } from './identity-channel.js';

@ObjectType('SocialIdentity', {
  description:
    'An account of a person on one channel; unique in the tenant, held by one contact at a time.',
})
export class SocialIdentityType {
  @Field(() => ID)
  id: string;

  @Field(() => IdentityChannel, { description: 'The network or medium.' })
  channel: IdentityChannel;

  @Field(() => String, {
    description: 'The handle, without @ and lower-cased; the external id when only that is known.',
  })
  handle: string;

  @Field(() => String, { nullable: true, description: 'The network’s own id of the account.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'The profile page (http or https).' })
  profileUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'The name the account shows.' })
  displayName: string | null;

  @Field(() => Int, { nullable: true, description: 'Followers when last seen.' })
  followers: number | null;

  @Field(() => Date, { nullable: true, description: 'When the account was last seen active.' })
  lastSeenAt?: Date | null;
}

@InputType({
  description: 'An identity to add to a contact: a handle or an external id is required.',
})
export class SocialIdentityInput {
  @Field(() => IdentityChannel, { description: 'The network or medium.' })
  channel: IdentityChannel;

  @Field(() => String, { nullable: true, description: 'The handle (a leading @ is dropped).' })
  handle?: string | null;

  @Field(() => String, { nullable: true, description: 'The network’s own id of the account.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'The profile page (http or https only).' })
  profileUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'The name the account shows.' })
  displayName?: string | null;

  @Field(() => Int, { nullable: true, description: 'Followers.' })
  followers?: number | null;

  @Field(() => Date, { nullable: true, description: 'When the account was last seen active.' })
  lastSeenAt?: Date | null;
}
