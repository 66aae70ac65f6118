import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SocialIdentityType } from '../contacts/index.js';
import type { mentionWhere } from '../mentions/index.js';

/** Mentions by polarity: what a volume bucket and a breakdown entry both report. */
@ObjectType()
class SentimentCounts {
  @Field(() => Int)
  mentions: number;

  @Field(() => Int)
  positive: number;

  @Field(() => Int)
  neutral: number;

  @Field(() => Int)
  negative: number;

  @Field(() => Float, {
    nullable: true,
    description: '(positive − negative) / (positive + negative); null without polar mentions.',
  })
  netSentiment: number | null;
}

@ObjectType({ description: 'Mentions published in one bucket.' })
export class VolumePoint extends SentimentCounts {
  @Field(() => Date)
  bucketStart: Date;

  @Field(() => Float)
  reach: number;

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

@ObjectType({
  description:
    'Mentions of one group (a channel, a language or a brand) in the period, by polarity.',
})
export class MentionBreakdown extends SentimentCounts {
  @Field(() => String, {
    description: 'The channel (as in `MentionChannel`), the language code, or the brand id.',
  })
  key: string;

  @Field(() => String, {
    nullable: true,
    description: "The brand's name for a brand; null for channels and languages.",
  })
  name: string | null;
}

@ObjectType({ description: 'A word or hashtag and how many mentions of the period contain it.' })
export class TermCount {
  @Field(() => String, { description: 'Lower-cased; a hashtag without its `#`.' })
  term: string;

  @Field(() => Int, { description: 'Mentions that contain it, each counted once.' })
  mentions: number;
}

/** The mentions a `MentionStats` measures, for the fields computed only when asked for. */
export type MentionSelection = ReturnType<typeof mentionWhere>;

@ObjectType({ description: 'Listening measurements of the active tenant over a period.' })
export class MentionStats {
  selection: MentionSelection;

  @Field(() => [VolumePoint])
  volume: VolumePoint[];

  @Field(() => Int, { description: 'Mentions of the period: the sum of `volume`.' })
  mentions: number;

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
