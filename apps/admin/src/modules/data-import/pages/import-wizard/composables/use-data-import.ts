import type { StartDataImport } from '@socialcrm/validation';
import { useMutation, useQuery } from '@urql/vue';
import { computed, onScopeDispose, type Ref, ref, watch } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  DataImportQuery,
  ImportMappingsQuery,
  isRunning,
  StartDataImportMutation,
} from '../../../data-import.documents.js';

export const ERRORS_PAGE_SIZE = 50;
/** How often a running import is read again. */
export const POLL_MS = 1_000;

/**
 * One uploaded file and its run: read again every second while it runs, its row errors a page
 * at a time, the tenant's saved mappings for its entity, and the start of a (dry) run.
 */
export function useDataImport(id: Ref<string | null>) {
  const errorCursors = ref<(string | null)[]>([null]);
  watch(id, () => {
    errorCursors.value = [null];
  });
  const query = useQuery({
    query: DataImportQuery,
    variables: computed(() => ({
      id: id.value ?? '',
      errorsFirst: ERRORS_PAGE_SIZE,
      errorsAfter: errorCursors.value[errorCursors.value.length - 1] ?? null,
    })),
    pause: computed(() => !id.value),
    requestPolicy: 'cache-and-network',
  });
  const dataImport = computed(() => (id.value ? (query.data.value?.dataImport ?? null) : null));
  const entity = computed(() => dataImport.value?.entity ?? 'CONTACTS');
  const mappings = useQuery({
    query: ImportMappingsQuery,
    variables: computed(() => ({ entity: entity.value })),
    pause: computed(() => !dataImport.value),
    requestPolicy: 'cache-and-network',
  });

  let timer: ReturnType<typeof setInterval> | undefined;
  watch(
    () => !!dataImport.value && isRunning(dataImport.value.state),
    (running) => {
      clearInterval(timer);
      if (running)
        timer = setInterval(() => query.executeQuery({ requestPolicy: 'network-only' }), POLL_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearInterval(timer));

  const start = useMutation(StartDataImportMutation);
  const startError = ref<AppErrorInfo | null>(null);
  async function run(input: StartDataImport): Promise<void> {
    if (!id.value) return;
    const result = await start.executeMutation({ id: id.value, input });
    startError.value = toAppError(result.error);
    errorCursors.value = [null];
    if (!result.error) query.executeQuery({ requestPolicy: 'network-only' });
  }

  const errors = computed(() => dataImport.value?.errors ?? null);
  function nextErrors(): void {
    const cursor = errors.value?.pageInfo.endCursor;
    if (errors.value?.pageInfo.hasNextPage && cursor)
      errorCursors.value = [...errorCursors.value, cursor];
  }
  function previousErrors(): void {
    if (errorCursors.value.length > 1) errorCursors.value = errorCursors.value.slice(0, -1);
  }

  return {
    dataImport,
    error: computed(() => toAppError(query.error.value)),
    savedMappings: computed(() => mappings.data.value?.importMappings ?? []),
    errors,
    errorsPage: computed(() => errorCursors.value.length),
    nextErrors,
    previousErrors,
    starting: start.fetching,
    startError,
    run,
  };
}
