import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { MentionChannel } from '../../contacts/index.js';
import { SentimentLabel } from '../mention-enums.js';

export const mentionFilterSchema = z
  .object({
    brandIds: z.array(z.uuid('is not a valid id')).max(100).optional().nullable(),
    channels: z.array(z.enum(MentionChannel)).max(20).optional().nullable(),
    sentiments: z.array(z.enum(SentimentLabel)).max(3).optional().nullable(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'is not a language code'))
      .max(10)
      .optional()
      .nullable(),
    authorHandle: z.string().trim().min(1).max(200).optional().nullable(),
    from: z.coerce.date().optional().nullable(),
    to: z.coerce.date().optional().nullable(),
    search: z.string().trim().min(1).max(200).optional().nullable(),
  })
  .default({});
export type MentionFilter = z.output<typeof mentionFilterSchema>;

// One class for both directions: a saved view answers the filter it was given.
@ObjectType('MentionFilter', {
  description: 'A mention filter as saved: every given criterion must hold.',
})
@InputType({ description: 'Every given criterion must hold; a list matches any of its values.' })
export class MentionFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Tracked brands the mention is about.' })
  brandIds?: string[] | null;

  @Field(() => [MentionChannel], { nullable: true, description: 'Where it was posted.' })
  channels?: MentionChannel[] | null;

  @Field(() => [SentimentLabel], { nullable: true, description: 'Detected sentiment.' })
  sentiments?: SentimentLabel[] | null;

  @Field(() => [String], { nullable: true, description: 'Language codes: es, en, pt, ru, und.' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Author handle, without @.' })
  authorHandle?: string | null;

  @Field(() => Date, { nullable: true, description: 'Published at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Published before.' })
  to?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Full-text search in the post (all words must occur).',
  })
  search?: string | null;
}
