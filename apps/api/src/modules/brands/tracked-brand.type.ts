import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
import { BrandKind } from './brand-kind.js';

@ObjectType('TrackedBrand', {
  description: 'A brand the tenant listens for, with the terms that find its mentions.',
})
export class TrackedBrandType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => BrandKind)
  kind: BrandKind;

  @Field(() => [String], {
    description: 'Words and phrases, matched on word boundaries, case- and accent-insensitive.',
  })
  keywords: string[];

  @Field(() => [String], { description: 'Hashtags, stored with their leading #.' })
  hashtags: string[];

  @Field(() => [String], { description: 'Social handles, stored with their leading @.' })
  handles: string[];

  @Field(() => [String], {
    description: 'A mention containing any of these terms is not attributed to the brand.',
  })
  excludedTerms: string[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Int, { description: 'Mentions attributed to the brand.' })
  mentionCount: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When its latest mention was published; null when it has none.',
  })
  lastMentionAt: Date | null;
}

@ObjectType()
export class TrackedBrandConnection extends Connection(TrackedBrandType, 'TrackedBrand') {}
