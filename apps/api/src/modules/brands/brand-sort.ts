import { registerEnumType } from 'type-graphql';
import { SortDirection } from '../../platform/graphql/sort-direction.js';

export enum BrandSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  MENTION_COUNT = 'MENTION_COUNT',
  LAST_MENTION_AT = 'LAST_MENTION_AT',
}

/** How a list of brands is ordered; ties are broken by id, in the same direction. */
export interface BrandSort {
  readonly field: BrandSortField;
  readonly direction: SortDirection;
}

/** Names read A to Z; dates and counts read the most first. */
export const defaultDirection = (field: BrandSortField): SortDirection =>
  field === BrandSortField.NAME ? SortDirection.ASC : SortDirection.DESC;

/** The list's order when none is asked for: newest first. */
export const NEWEST_FIRST: BrandSort = {
  field: BrandSortField.CREATED_AT,
  direction: SortDirection.DESC,
};

registerEnumType(BrandSortField, {
  name: 'BrandSortField',
  description:
    'NAME: case-insensitive. CREATED_AT: when the brand was added. MENTION_COUNT: mentions attributed to it. LAST_MENTION_AT: when its latest mention was published (never-mentioned brands count as oldest).',
});
