import { ref } from 'vue';
import { uploadFile } from '../../../../../app/api-http.js';
import type { AppErrorInfo } from '../../../../../lib/graphql-errors.js';
import { useSessionStore } from '../../../../../stores/session.js';
import type { ImportEntity } from '../../../data-import.documents.js';

/** Sends a file to `POST /api/imports` with the share sent so far; resolves to the import's id. */
export function useImportUpload() {
  const session = useSessionStore();
  const progress = ref<number | null>(null);
  const error = ref<AppErrorInfo | null>(null);

  async function upload(entity: ImportEntity, file: File): Promise<string | null> {
    error.value = null;
    progress.value = 0;
    const query = new URLSearchParams({ entity, fileName: file.name });
    const result = await uploadFile<{ id: string }>(
      session,
      `/api/imports?${query}`,
      file,
      (share) => {
        progress.value = share;
      },
    );
    progress.value = null;
    if (result.ok) return result.body.id;
    error.value = result.error;
    return null;
  }

  return { progress, error, upload };
}
