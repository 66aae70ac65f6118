import { Field, ObjectType } from 'type-graphql';
import { MentionType } from '../mentions/index.js';

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
