import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { SocialIdentityType } from '../contacts/index.js';

export enum StatsBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(StatsBucket, {
  name: 'StatsBucket',
  description: 'Calendar buckets in UTC; weeks start on Monday.',
});

export const MAX_BUCKETS = 400;

export const statsPeriodSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date(), bucket: z.enum(StatsBucket) })
  .refine((period) => period.from < period.to, { message: 'must be after `from`', path: ['to'] });

@InputType({ description: 'The measured period [from, to) and its bucket size.' })
export class StatsPeriodInput {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => StatsBucket, { defaultValue: StatsBucket.DAY })
  bucket: StatsBucket;
}

@ObjectType({ description: 'Mentions published in one bucket.' })
export class VolumePoint {
  @Field(() => Date)
  bucketStart: Date;

  @Field(() => Int)
  mentions: number;

  @Field(() => Int)
  positive: number;

  @Field(() => Int)
  neutral: number;

  @Field(() => Int)
  negative: number;

  @Field(() => Float)
  reach: number;

  @Field(() => Float, {
    nullable: true,
    description: '(positive − negative) / (positive + negative); null without polar mentions.',
  })
  netSentiment: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Own brands' share of voice by mentions in this bucket; null without brand mentions.",
  })
  ownShareByMentions: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Own brands' share of voice by reach in this bucket.",
  })
  ownShareByReach: number | null;

  @Field(() => Boolean, {
    description:
      'Volume spike against the trailing baseline (modified z-score > 3.5, at least 10 mentions).',
  })
  spike: boolean;
}

@ObjectType({ description: "One brand's share of the conversation." })
export class BrandVoiceShare {
  @Field(() => ID)
  brandId: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'True for own brands, false for competitors.' })
  own: boolean;

  @Field(() => Int)
  mentions: number;

  @Field(() => Float)
  reach: number;

  @Field(() => Float, { nullable: true })
  shareByMentions: number | null;

  @Field(() => Float, { nullable: true })
  shareByReach: number | null;
}

@ObjectType({ description: 'An author of the period ranked by influence.' })
export class TopAuthor {
  @Field(() => SocialIdentityType)
  identity: SocialIdentityType;

  @Field(() => Int)
  mentions: number;

  @Field(() => Float)
  reach: number;

  @Field(() => Float, {
    description: '0–100: audience, engagement and reach (log-scaled), see the domain package.',
  })
  influence: number;
}

@ObjectType({ description: 'Listening measurements of the active tenant over a period.' })
export class MentionStats {
  @Field(() => [VolumePoint])
  volume: VolumePoint[];

  @Field(() => [BrandVoiceShare])
  shareOfVoice: BrandVoiceShare[];

  @Field(() => Float, {
    nullable: true,
    description: 'Own brands’ combined share of voice by mentions.',
  })
  ownShareByMentions: number | null;

  @Field(() => Float, { nullable: true })
  netSentiment: number | null;

  @Field(() => [TopAuthor], { description: 'At most 10.' })
  topAuthors: TopAuthor[];

  @Field(() => [VolumePoint], { description: 'The buckets flagged as spikes.' })
  alerts: VolumePoint[];
}
