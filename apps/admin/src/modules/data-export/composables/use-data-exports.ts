import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, ref, watch } from 'vue';
import { downloadFile } from '../../../app/api-http.js';
import { type AppErrorInfo, toAppError } from '../../../lib/graphql-errors.js';
import { useSessionStore } from '../../../stores/session.js';
import { type DataExport, DataExportsQuery, isExportRunning } from '../data-export.documents.js';

export const EXPORTS_PAGE_SIZE = 20;
/** How often the list is read again while an export runs. */
export const POLL_MS = 1_000;

/** The tenant's exports, newest first, read every second while one runs; and their downloads. */
export function useDataExports() {
  const session = useSessionStore();
  const cursors = ref<(string | null)[]>([null]);
  const query = useQuery({
    query: DataExportsQuery,
    variables: computed(() => ({
      first: EXPORTS_PAGE_SIZE,
      after: cursors.value[cursors.value.length - 1] ?? null,
    })),
    context: { additionalTypenames: ['DataExport'] },
    requestPolicy: 'cache-and-network',
  });
  const exports = computed(
    () => query.data.value?.dataExports.edges.map((edge) => edge.node) ?? [],
  );
  const pageInfo = computed(() => query.data.value?.dataExports.pageInfo ?? null);

  let timer: ReturnType<typeof setInterval> | undefined;
  watch(
    () => exports.value.some((item) => isExportRunning(item.state)),
    (running) => {
      clearInterval(timer);
      if (running)
        timer = setInterval(() => query.executeQuery({ requestPolicy: 'network-only' }), POLL_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearInterval(timer));

  const downloading = ref<string | null>(null);
  const downloadError = ref<AppErrorInfo | null>(null);
  async function download(item: DataExport): Promise<void> {
    if (!item.downloadPath) return;
    downloading.value = item.id;
    downloadError.value = await downloadFile(session, item.downloadPath, item.fileName);
    downloading.value = null;
  }

  return {
    exports,
    pageInfo,
    page: computed(() => cursors.value.length),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
    nextPage: () => {
      const cursor = pageInfo.value?.endCursor;
      if (pageInfo.value?.hasNextPage && cursor) cursors.value = [...cursors.value, cursor];
    },
    previousPage: () => {
      if (cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1);
    },
    downloading,
    downloadError,
    download,
  };
}
