import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
import { MentionChannel, SocialIdentityType } from '../contacts/index.js';
import { SentimentLabel } from './mention-enums.js';

@ObjectType('Mention', { description: 'A post about one or more of the tenant’s tracked brands.' })
export class MentionType {
  @Field(() => ID)
  id: string;

  @Field(() => MentionChannel)
  channel: MentionChannel;

  @Field(() => String)
  externalId: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String)
  text: string;

  @Field(() => SocialIdentityType, { nullable: true })
  author: SocialIdentityType | null;

  @Field(() => [ID], { description: 'Tracked brands whose terms the post contains.' })
  brandIds: string[];

  @Field(() => String, { description: 'Detected language: es, en, pt, ru or und.' })
  language: string;

  @Field(() => Float, { description: 'From -1 (negative) to 1 (positive).' })
  sentimentScore: number;

  @Field(() => SentimentLabel)
  sentiment: SentimentLabel;

  @Field(() => Int, { description: 'Estimated number of people reached.' })
  reach: number;

  @Field(() => Date)
  publishedAt: Date;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => ID, { nullable: true, description: 'The agent this mention is assigned to.' })
  assignedToId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The author's contact, once the author is known as one.",
  })
  contactId: string | null;
}

@ObjectType()
export class MentionConnection extends Connection(MentionType, 'Mention') {}
