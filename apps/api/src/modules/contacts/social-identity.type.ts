import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MentionChannel } from './social-channel.js';

@ObjectType('SocialIdentity', { description: 'An account of a person on one channel.' })
export class SocialIdentityType {
  @Field(() => ID)
  id: string;

  @Field(() => MentionChannel)
  channel: MentionChannel;

  @Field(() => String)
  handle: string;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => Int, { nullable: true })
  followers: number | null;
}
