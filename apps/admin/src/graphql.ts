import { initGraphQLTada } from 'gql.tada';
// Type-only: the introspection drives types and never reaches the bundle.
import type { introspection } from './graphql-env.gen.js';

/** Typed documents against the api's SDL (`packages/schema/schema.graphql`). */
export const graphql = initGraphQLTada<{
  introspection: typeof introspection;
  scalars: { DateTimeISO: string; ID: string };
  // Fragments are read as plain fields: documents are small and co-located with their use.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
