import { textLength } from '@socialcrm/domain/text';
import type { Brand } from './brand.documents.js';

/** The brand form as typed: term lists are comma-separated text. */
export interface BrandFormValues {
  name: string;
  kind: Brand['kind'];
  keywords: string;
  hashtags: string;
  handles: string;
  excludedTerms: string;
}

export type BrandField = keyof BrandFormValues;
export type TermField = 'keywords' | 'hashtags' | 'handles' | 'excludedTerms';
export const TERM_FIELDS: readonly TermField[] = [
  'keywords',
  'hashtags',
  'handles',
  'excludedTerms',
];

/** An i18n key under `brands.validation.` with its parameters. */
export interface ValidationMessage {
  key: string;
  params?: Record<string, string | number>;
}

export const NAME_MAX = 120;
export const PHRASE_MIN = 2;
export const PHRASE_MAX = 100;
export const MAX_TERMS = 100;
// The same shapes the api accepts (letters and digits of any script).
const HASHTAG = /^#?[\p{L}\p{N}_]{1,100}$/u;
const HANDLE = /^@?[\p{L}\p{N}_.-]{1,64}$/u;

/** `"a, b ,, c"` → `['a', 'b', 'c']`. */
export function parseTerms(text: string): string[] {
  return text
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}

/** What the api stores: hashtags with #, handles with @. Used to spot duplicates. */
function normalise(field: TermField, term: string): string {
  const lower = term.toLocaleLowerCase();
  if (field === 'hashtags') return lower.startsWith('#') ? lower : `#${lower}`;
  if (field === 'handles') return lower.startsWith('@') ? lower : `@${lower}`;
  return lower;
}

function termProblem(field: TermField, term: string): ValidationMessage | null {
  if (field === 'hashtags')
    return HASHTAG.test(term) ? null : { key: 'hashtagFormat', params: { term } };
  if (field === 'handles')
    return HANDLE.test(term) ? null : { key: 'handleFormat', params: { term } };
  const length = textLength(term);
  if (length < PHRASE_MIN || length > PHRASE_MAX) {
    return { key: 'termLength', params: { term, min: PHRASE_MIN, max: PHRASE_MAX } };
  }
  return null;
}

function validateTerms(field: TermField, terms: readonly string[]): ValidationMessage | null {
  if (terms.length > MAX_TERMS) return { key: 'tooManyTerms', params: { max: MAX_TERMS } };
  const seen = new Set<string>();
  for (const term of terms) {
    const problem = termProblem(field, term);
    if (problem) return problem;
    const key = normalise(field, term);
    if (seen.has(key)) return { key: 'duplicate', params: { term } };
    seen.add(key);
  }
  return null;
}

/** Client-side checks mirroring the api's; the first problem of each field, keyed by field. */
export function validateBrand(
  values: BrandFormValues,
): Partial<Record<BrandField, ValidationMessage>> {
  const problems: Partial<Record<BrandField, ValidationMessage>> = {};
  const name = values.name.trim();
  if (!name) problems.name = { key: 'required' };
  else if (textLength(name) > NAME_MAX)
    problems.name = { key: 'tooLong', params: { max: NAME_MAX } };

  const lists = Object.fromEntries(TERM_FIELDS.map((f) => [f, parseTerms(values[f])])) as Record<
    TermField,
    string[]
  >;
  for (const field of TERM_FIELDS) {
    const problem = validateTerms(field, lists[field]);
    if (problem) problems[field] = problem;
  }
  if (!lists.keywords.length && !lists.hashtags.length && !lists.handles.length) {
    problems.keywords ??= { key: 'needsTerm' };
  }
  return problems;
}

/** The form as the api's input. */
export function toBrandInput(values: BrandFormValues) {
  return {
    name: values.name.trim(),
    kind: values.kind,
    keywords: parseTerms(values.keywords),
    hashtags: parseTerms(values.hashtags),
    handles: parseTerms(values.handles),
    excludedTerms: parseTerms(values.excludedTerms),
  };
}

export function emptyBrandForm(): BrandFormValues {
  return { name: '', kind: 'OWN', keywords: '', hashtags: '', handles: '', excludedTerms: '' };
}

export function brandToForm(brand: Pick<Brand, 'name' | 'kind' | TermField>): BrandFormValues {
  return {
    name: brand.name,
    kind: brand.kind,
    keywords: brand.keywords.join(', '),
    hashtags: brand.hashtags.join(', '),
    handles: brand.handles.join(', '),
    excludedTerms: brand.excludedTerms.join(', '),
  };
}
