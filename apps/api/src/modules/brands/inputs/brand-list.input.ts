import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { SortDirection } from '../../../platform/graphql/sort-direction.js';
import { atMostCharacters } from '../../../platform/graphql/validation.js';
import { type BrandSort, BrandSortField, defaultDirection, NEWEST_FIRST } from '../brand-sort.js';

/** A blank search is no search. */
export const brandSearchSchema = z
  .string()
  .trim()
  .refine(...atMostCharacters(120))
  .nullish()
  .transform((search) => search || null);

export const brandSortSchema = z
  .object({ field: z.enum(BrandSortField), direction: z.enum(SortDirection).nullish() })
  .nullish()
  .transform(
    (sort): BrandSort =>
      sort
        ? { field: sort.field, direction: sort.direction ?? defaultDirection(sort.field) }
        : NEWEST_FIRST,
  );

@InputType({ description: 'The order of a brand list.' })
export class BrandSortInput {
  @Field(() => BrandSortField, { description: 'What the brands are ordered by.' })
  field: BrandSortField;

  @Field(() => SortDirection, {
    nullable: true,
    description: 'By default ascending for NAME, descending otherwise.',
  })
  direction?: SortDirection | null;
}
