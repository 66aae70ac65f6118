import { Field, ID, ObjectType } from 'type-graphql';
import { MentionFilterInput } from './inputs/mention-filter.input.js';

@ObjectType('SavedMentionView', {
  description:
    'A named filter of the live feed, saved by one user in one tenant: only that user sees it.',
})
export class SavedMentionViewType {
  @Field(() => ID, { description: 'What updateSavedMentionView and deleteSavedMentionView take.' })
  id: string;

  @Field(() => String, { description: 'Unique among its owner’s views in the tenant.' })
  name: string;

  @Field(() => MentionFilterInput, { description: 'Pass it as `filter` to mentions or the feed.' })
  filter: MentionFilterInput;

  @Field(() => Date, { description: 'When it was saved.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last renamed or changed.' })
  updatedAt: Date;
}
