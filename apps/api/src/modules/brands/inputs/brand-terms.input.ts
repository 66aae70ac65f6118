import { Field, InputType } from 'type-graphql';
import { updateBrandSchema } from './brand.input.js';

/** A brand's terms as creating or updating it takes them, each list optional here. */
export const brandTermsSchema = updateBrandSchema.pick({
  keywords: true,
  hashtags: true,
  handles: true,
  excludedTerms: true,
});

@InputType({
  description:
    'Draft terms of a brand, in the shapes CreateBrandInput takes. Without a keyword, hashtag or handle they match nothing.',
})
export class BrandTermsInput {
  @Field(() => [String], { defaultValue: [], description: 'Words and phrases.' })
  keywords: string[];

  @Field(() => [String], { defaultValue: [], description: 'With or without the leading #.' })
  hashtags: string[];

  @Field(() => [String], { defaultValue: [], description: 'With or without the leading @.' })
  handles: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'A mention containing any of these is not matched.',
  })
  excludedTerms: string[];
}
