import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
import { IngestOutcome, MentionChannel, SentimentLabel } from './mention-enums.js';

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

@ObjectType({
  description: 'A mention as the live feed delivers it; pass `cursor` as `after` to resume.',
})
export class MentionFeedEvent {
  @Field(() => String)
  cursor: string;

  @Field(() => String, { description: 'CREATED or UPDATED.' })
  kind: string;

  @Field(() => MentionType)
  mention: MentionType;
}

@ObjectType()
export class IngestProblem {
  @Field(() => String)
  field: string;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'What happened to one submitted mention, in submission order.' })
export class IngestResult {
  @Field(() => Int)
  index: number;

  @Field(() => String, { nullable: true })
  externalId: string | null;

  @Field(() => IngestOutcome)
  outcome: IngestOutcome;

  @Field(() => ID, { nullable: true })
  mentionId: string | null;

  @Field(() => Boolean, {
    description: 'False when no tracked brand matched: kept, counted, not shown in the feed.',
  })
  matched: boolean;

  @Field(() => [IngestProblem])
  problems: IngestProblem[];
}
