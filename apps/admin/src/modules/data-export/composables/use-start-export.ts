import { startDataExportSchema } from '@socialcrm/validation';
import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import type { VariablesOf } from '../../../graphql.js';
import { type AppErrorInfo, toAppError } from '../../../lib/graphql-errors.js';
import { schemaProblems } from '../../../lib/schema-form.js';
import { type ExportEntity, StartDataExportMutation } from '../data-export.documents.js';

/** What a list asks to export: its entity, the search and (contacts) the filter it shows. */
export interface ExportRequest {
  entity: ExportEntity;
  search?: string | null;
  contactFilter?: VariablesOf<typeof StartDataExportMutation>['input']['contactFilter'];
}

/**
 * Starts an export in the UI's language (which decides the file's separator and decimal mark),
 * then opens the exports page on it, where its progress and its download are.
 */
export function useStartExport() {
  const { locale } = useI18n();
  const router = useRouter();
  const start = useMutation(StartDataExportMutation);
  const error = ref<AppErrorInfo | null>(null);

  async function startExport(request: ExportRequest): Promise<boolean> {
    const input = { ...request, search: request.search?.trim() || null, locale: locale.value };
    const problems = schemaProblems(startDataExportSchema, input);
    if (problems.length) {
      error.value = {
        code: 'BAD_USER_INPUT',
        message: problems[0]?.message ?? '',
        fields: problems,
      };
      return false;
    }
    const result = await start.executeMutation({ input }, { additionalTypenames: ['DataExport'] });
    error.value = toAppError(result.error);
    const id = result.data?.startDataExport.id;
    if (id) await router.push({ name: 'exports', query: { started: id } });
    return !!id;
  }

  return { startExport, starting: start.fetching, error };
}
