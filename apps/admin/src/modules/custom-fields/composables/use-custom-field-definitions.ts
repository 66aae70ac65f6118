import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { toAppError } from '../../../lib/graphql-errors.js';
import {
  type CustomFieldDefinition,
  CustomFieldDefinitionsQuery,
  type CustomFieldEntity,
} from '../custom-field.documents.js';

// An empty list holds no definition, so name the type for urql's cache to refetch it.
export const CUSTOM_FIELD_TYPES = { additionalTypenames: ['CustomFieldDefinition'] };

/** The tenant's custom fields of contacts or companies, in their order. */
export function useCustomFieldDefinitions(entity: CustomFieldEntity) {
  const query = useQuery({
    query: CustomFieldDefinitionsQuery,
    variables: { entity },
    context: CUSTOM_FIELD_TYPES,
    requestPolicy: 'cache-and-network',
  });
  const definitions = computed<CustomFieldDefinition[]>(() =>
    [...(query.data.value?.customFieldDefinitions ?? [])].sort((a, b) => a.position - b.position),
  );
  return {
    definitions,
    /** Whether the definitions have arrived (a form waits for them to render its inputs). */
    ready: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
