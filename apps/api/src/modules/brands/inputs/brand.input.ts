import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { atMostCharacters } from '../../../platform/graphql/validation.js';
import { BrandKind } from '../brand-kind.js';
import type { TrackedBrandType } from '../tracked-brand.type.js';

const MAX_TERMS = 100;

const phrase = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .refine(...atMostCharacters(100));

/** Accepts `tag` or `#tag`; stores `#tag`. Letters and digits of any script, and `_`. */
const hashtag = z
  .string()
  .trim()
  .transform((value) => (value.startsWith('#') ? value : `#${value}`))
  .pipe(
    z.string().regex(/^#[\p{L}\p{N}_]{1,100}$/u, 'must be a hashtag: letters, digits or _ after #'),
  );

/** Accepts `name` or `@name`; stores `@name`. */
const handle = z
  .string()
  .trim()
  .transform((value) => (value.startsWith('@') ? value : `@${value}`))
  .pipe(
    z
      .string()
      .regex(/^@[\p{L}\p{N}_.-]{1,64}$/u, 'must be a handle: letters, digits, _ . or - after @'),
  );

function termList<T extends z.ZodType<string>>(term: T) {
  return z
    .array(term)
    .max(MAX_TERMS, `must have at most ${MAX_TERMS} terms`)
    .superRefine((terms, ctx) => {
      const seen = new Set<string>();
      terms.forEach((value, index) => {
        const key = value.toLocaleLowerCase();
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: [index], message: `repeats "${value}"` });
        seen.add(key);
      });
    });
}

const brandFields = {
  name: z
    .string()
    .trim()
    .min(1, 'is required')
    .refine(...atMostCharacters(120)),
  kind: z.enum(BrandKind),
  keywords: termList(phrase),
  hashtags: termList(hashtag),
  handles: termList(handle),
  excludedTerms: termList(phrase),
};

const needsATerm = (brand: { keywords?: string[]; hashtags?: string[]; handles?: string[] }) =>
  (brand.keywords?.length ?? 0) + (brand.hashtags?.length ?? 0) + (brand.handles?.length ?? 0) > 0;
const needsATermProblem = {
  message: 'needs at least one keyword, hashtag or handle',
  path: ['keywords'],
};

export const createBrandSchema = z.object(brandFields).refine(needsATerm, needsATermProblem);
export const updateBrandSchema = z.object(brandFields).partial();
export { needsATerm, needsATermProblem };

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
