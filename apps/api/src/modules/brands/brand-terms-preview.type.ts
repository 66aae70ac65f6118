import { Field, Int, ObjectType } from 'type-graphql';
import { MentionType } from '../mentions/index.js';

@ObjectType('BrandTermsPreview', {
  description:
    "What draft brand terms would match among the tenant's latest received mentions, matched exactly as ingest matches posts.",
})
export class BrandTermsPreviewType {
  @Field(() => Int, { description: 'How many of the latest received mentions were checked.' })
  scanned: number;

  @Field(() => Int, { description: 'How many of those the terms match.' })
  matchCount: number;

  @Field(() => [MentionType], { description: 'The first matching ones, newest received first.' })
  mentions: MentionType[];
}
