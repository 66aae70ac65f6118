import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import type { TenantRole } from '../../../../../lib/roles.js';
import {
  ApiKeysQuery,
  CreateApiKeyMutation,
  RevokeApiKeyMutation,
} from '../../../api-key.documents.js';

const API_KEY_TYPES = { additionalTypenames: ['ApiKey'] };

/** The tenant's API keys (owners only); a new key's secret is kept only until the page closes. */
export function useApiKeys(enabled: () => boolean) {
  const query = useQuery({
    query: ApiKeysQuery,
    context: API_KEY_TYPES,
    pause: computed(() => !enabled()),
    requestPolicy: 'cache-and-network',
  });
  const create = useMutation(CreateApiKeyMutation);
  const revoke = useMutation(RevokeApiKeyMutation);
  const createError = ref<AppErrorInfo | null>(null);
  const revokeError = ref<AppErrorInfo | null>(null);
  const secret = ref<string | null>(null);

  async function createKey(name: string, role: TenantRole): Promise<boolean> {
    secret.value = null;
    const result = await create.executeMutation(
      { input: { name: name.trim(), role } },
      API_KEY_TYPES,
    );
    createError.value = toAppError(result.error);
    secret.value = result.data?.createApiKey.secret ?? null;
    return !result.error;
  }

  async function revokeKey(id: string): Promise<void> {
    const result = await revoke.executeMutation({ id }, API_KEY_TYPES);
    revokeError.value = toAppError(result.error);
  }

  return {
    apiKeys: computed(() => query.data.value?.apiKeys ?? []),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
    creating: create.fetching,
    createError,
    revokeError,
    secret,
    createKey,
    revokeKey,
  };
}
