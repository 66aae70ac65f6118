import { textLength } from '@socialcrm/domain/text';
import { z } from 'zod';
import { BrandKind } from './enums.js';
import { because } from './rules.js';
import { requiredName } from './text.js';

export const BRAND_NAME_MAX = 120;
export const PHRASE_MIN = 2;
export const PHRASE_MAX = 100;
export const MAX_TERMS = 100;

/** A keyword or excluded phrase: 2 to 100 characters. */
const phrase = z
  .string()
  .trim()
  .refine(
    ...because(
      (value: string) => textLength(value) >= PHRASE_MIN && textLength(value) <= PHRASE_MAX,
      `must have between ${PHRASE_MIN} and ${PHRASE_MAX} characters`,
      { reason: 'TERM_LENGTH', params: { min: PHRASE_MIN, max: PHRASE_MAX } },
    ),
  );

/** Accepts `tag` or `#tag`; gives `#tag`. Letters and digits of any script, and `_`. */
const hashtag = z
  .string()
  .trim()
  .transform((value) => (value.startsWith('#') ? value : `#${value}`))
  .refine(
    ...because(
      (value: string) => /^#[\p{L}\p{N}_]{1,100}$/u.test(value),
      'must be a hashtag: letters, digits or _ after #',
      { reason: 'HASHTAG_FORMAT' },
    ),
  );

/** Accepts `name` or `@name`; gives `@name`. */
const handle = z
  .string()
  .trim()
  .transform((value) => (value.startsWith('@') ? value : `@${value}`))
  .refine(
    ...because(
      (value: string) => /^@[\p{L}\p{N}_.-]{1,64}$/u.test(value),
      'must be a handle: letters, digits, _ . or - after @',
      { reason: 'HANDLE_FORMAT' },
    ),
  );

/** At most 100 terms, none repeated (ignoring case); a repeat is reported at its index. */
function termList<T extends z.ZodType<string>>(term: T) {
  return z
    .array(term)
    .max(MAX_TERMS, `must have at most ${MAX_TERMS} terms`)
    .superRefine((terms, ctx) => {
      const seen = new Set<string>();
      terms.forEach((value, index) => {
        const key = value.toLocaleLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `repeats "${value}"`,
            params: { reason: 'DUPLICATE' },
          });
        }
        seen.add(key);
      });
    });
}

export const brandTermFields = {
  keywords: termList(phrase),
  hashtags: termList(hashtag),
  handles: termList(handle),
  excludedTerms: termList(phrase),
};

const brandFields = {
  name: requiredName(BRAND_NAME_MAX),
  kind: z.enum(BrandKind),
  ...brandTermFields,
};

/** A brand is found by its keywords, hashtags or handles: it needs one at least. */
export const needsATerm = (brand: {
  keywords?: readonly string[];
  hashtags?: readonly string[];
  handles?: readonly string[];
}) =>
  (brand.keywords?.length ?? 0) + (brand.hashtags?.length ?? 0) + (brand.handles?.length ?? 0) > 0;
export const needsATermProblem = {
  message: 'needs at least one keyword, hashtag or handle',
  path: ['keywords'],
  params: { reason: 'NEEDS_TERM' },
};

export const createBrandSchema = z.object(brandFields).refine(needsATerm, needsATermProblem);
export const updateBrandSchema = z.object(brandFields).partial();
export type BrandInput = z.input<typeof createBrandSchema>;
