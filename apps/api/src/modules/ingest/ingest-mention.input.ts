import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { atMostCharacters } from '../../platform/graphql/validation.js';
import { MentionChannel } from '../contacts/index.js';

const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(2_000_000_000)
  .optional();

/**
 * Text PostgreSQL can store: it refuses NUL in text, and a lone surrogate cannot be encoded
 * as UTF-8. Cleaned per item, so one such post never fails the batch it arrives in.
 */
const storable = (value: string) => value.replaceAll('\u0000', '').toWellFormed();
const text = () => z.string().overwrite(storable);

/** One post as a source delivers it; the same shape for GraphQL, NDJSON and connectors. */
export const ingestMentionSchema = z.object({
  channel: z.enum(MentionChannel),
  externalId: text()
    .trim()
    .min(1, 'is required')
    .refine(...atMostCharacters(200)),
  url: z.url('is not a valid URL').max(2000).optional().nullable(),
  text: text()
    .trim()
    .min(1, 'is required')
    .refine(...atMostCharacters(20_000)),
  publishedAt: z.coerce.date({ error: 'is not a valid date' }),
  author: z.object({
    handle: text()
      .trim()
      .min(1, 'is required')
      .refine(...atMostCharacters(200)),
    displayName: text().trim().max(200).optional().nullable(),
    followers: count.nullable(),
  }),
  metrics: z
    .object({
      views: count.nullable(),
      likes: count.nullable(),
      shares: count.nullable(),
      replies: count.nullable(),
    })
    .optional()
    .nullable(),
});
export type IngestMention = z.output<typeof ingestMentionSchema>;

export const MAX_INGEST_BATCH = 1000;

@InputType()
export class MentionAuthorInput {
  @Field(() => String, {
    description: 'Handle or account name on the channel (with or without @).',
  })
  handle: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => Int, { nullable: true })
  followers?: number | null;
}

@InputType()
export class MentionMetricsInput {
  @Field(() => Int, { nullable: true })
  views?: number | null;

  @Field(() => Int, { nullable: true })
  likes?: number | null;

  @Field(() => Int, { nullable: true })
  shares?: number | null;

  @Field(() => Int, { nullable: true })
  replies?: number | null;
}

@InputType({
  description: 'A post that may mention tracked brands. Idempotent on (channel, externalId).',
})
export class IngestMentionInput {
  @Field(() => MentionChannel)
  channel: MentionChannel;

  @Field(() => String, { description: "The post's id on its channel." })
  externalId: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String)
  text: string;

  @Field(() => Date)
  publishedAt: Date;

  @Field(() => MentionAuthorInput)
  author: MentionAuthorInput;

  @Field(() => MentionMetricsInput, { nullable: true })
  metrics?: MentionMetricsInput | null;
}
