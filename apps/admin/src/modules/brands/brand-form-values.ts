import type { Brand } from './brand.documents.js';

export type TermField = 'keywords' | 'hashtags' | 'handles' | 'excludedTerms';
export const TERM_FIELDS: readonly TermField[] = [
  'keywords',
  'hashtags',
  'handles',
  'excludedTerms',
];

/** The brand form as edited: each term list is a list of tags. Checked by the api's schema. */
export interface BrandFormValues {
  name: string;
  kind: Brand['kind'];
  keywords: string[];
  hashtags: string[];
  handles: string[];
  excludedTerms: string[];
}

export function emptyBrandForm(): BrandFormValues {
  return { name: '', kind: 'OWN', keywords: [], hashtags: [], handles: [], excludedTerms: [] };
}

export function brandToForm(brand: Pick<Brand, 'name' | 'kind' | TermField>): BrandFormValues {
  return {
    name: brand.name,
    kind: brand.kind,
    keywords: [...brand.keywords],
    hashtags: [...brand.hashtags],
    handles: [...brand.handles],
    excludedTerms: [...brand.excludedTerms],
  };
}

/** The form as the api's input (the schema trims and normalises). */
export function toBrandInput(values: BrandFormValues) {
  return {
    name: values.name,
    kind: values.kind,
    keywords: [...values.keywords],
    hashtags: [...values.hashtags],
    handles: [...values.handles],
    excludedTerms: [...values.excludedTerms],
  };
}

/** The term lists, so a problem with one term names it. */
export const termLists = (values: BrandFormValues): Record<TermField, readonly string[]> => ({
  keywords: values.keywords,
  hashtags: values.hashtags,
  handles: values.handles,
  excludedTerms: values.excludedTerms,
});
