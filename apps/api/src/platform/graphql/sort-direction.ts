import { registerEnumType } from 'type-graphql';

/** Which way a list is ordered; every sortable list shares it. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'ASC: smallest, oldest or A first. DESC: largest, newest or Z first.',
});
