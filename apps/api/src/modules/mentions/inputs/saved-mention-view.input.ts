import { savedViewNameSchema } from '@socialcrm/validation';
import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { MentionFilterInput, mentionFilterSchema } from './mention-filter.input.js';

// The rule lives in @socialcrm/validation: the feed's dialog checks with it too.
const viewName = savedViewNameSchema;

export const createSavedMentionViewSchema = z.object({
  name: viewName,
  filter: mentionFilterSchema,
});

/** Omitted (or null) fields keep their value. */
export const updateSavedMentionViewSchema = z.object({
  name: viewName.nullish(),
  filter: mentionFilterSchema.unwrap().nullish(),
});

@InputType({ description: 'A new saved view: a name of your choice and the filter it applies.' })
export class CreateSavedMentionViewInput {
  @Field(() => String, {
    description: 'Unique among your views in this tenant, whatever its case.',
  })
  name: string;

  @Field(() => MentionFilterInput, { description: 'The criteria the view applies.' })
  filter: MentionFilterInput;
}

@InputType({ description: 'Changes to a saved view; omitted fields keep their value.' })
export class UpdateSavedMentionViewInput {
  @Field(() => String, { nullable: true, description: 'A new name, unique among your views.' })
  name?: string | null;

  @Field(() => MentionFilterInput, {
    nullable: true,
    description: 'Replaces the whole filter.',
  })
  filter?: MentionFilterInput | null;
}
