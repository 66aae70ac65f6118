import { Field, InputType } from 'type-graphql';
import { BrandKind } from '../brand-kind.js';
import type { TrackedBrandType } from '../tracked-brand.type.js';

// The rules live in @socialcrm/validation, which the admin's brand form checks with too.
export {
  createBrandSchema,
  needsATerm,
  needsATermProblem,
  updateBrandSchema,
} from '@socialcrm/validation';

@InputType({ description: 'A new tracked brand. Needs at least one keyword, hashtag or handle.' })
export class CreateBrandInput implements Partial<TrackedBrandType> {
  @Field(() => String)
  name: string;

  @Field(() => BrandKind)
  kind: BrandKind;

  @Field(() => [String], { defaultValue: [] })
  keywords: string[];

  @Field(() => [String], { defaultValue: [], description: 'With or without the leading #.' })
  hashtags: string[];

  @Field(() => [String], { defaultValue: [], description: 'With or without the leading @.' })
  handles: string[];

  @Field(() => [String], { defaultValue: [] })
  excludedTerms: string[];
}

@InputType({ description: 'Changes to a tracked brand; omitted fields keep their value.' })
export class UpdateBrandInput implements Partial<TrackedBrandType> {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => BrandKind, { nullable: true })
  kind?: BrandKind;

  @Field(() => [String], { nullable: true })
  keywords?: string[];

  @Field(() => [String], { nullable: true })
  hashtags?: string[];

  @Field(() => [String], { nullable: true })
  handles?: string[];

  @Field(() => [String], { nullable: true })
  excludedTerms?: string[];
}
