import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  type Connector,
  ConnectorsQuery,
  type CreateConnectorInput,
  CreateConnectorMutation,
  DeleteConnectorMutation,
  PollConnectorNowMutation,
  type UpdateConnectorInput,
  UpdateConnectorMutation,
} from '../../../connector.documents.js';

// An empty list holds no Connector, so name the type for urql's cache to invalidate it.
const CONNECTOR_TYPES = { additionalTypenames: ['Connector'] };

/** What a create returns once: the connector and, for Meta, its verify token. */
export interface CreatedConnector {
  connector: Connector;
  verifyToken: string | null;
}

/** The tenant's connectors and every action on them; one error slot for the last action. */
export function useConnectors() {
  const query = useQuery({
    query: ConnectorsQuery,
    context: CONNECTOR_TYPES,
    requestPolicy: 'cache-and-network',
  });
  const create = useMutation(CreateConnectorMutation);
  const update = useMutation(UpdateConnectorMutation);
  const remove = useMutation(DeleteConnectorMutation);
  const poll = useMutation(PollConnectorNowMutation);
  const actionError = ref<AppErrorInfo | null>(null);
  const busyId = ref<string | null>(null);

  async function createConnector(input: CreateConnectorInput) {
    const result = await create.executeMutation({ input }, CONNECTOR_TYPES);
    return { created: result.data?.createConnector ?? null, error: toAppError(result.error) };
  }

  async function updateConnector(id: string, input: UpdateConnectorInput) {
    const result = await update.executeMutation({ id, input }, CONNECTOR_TYPES);
    return { connector: result.data?.updateConnector ?? null, error: toAppError(result.error) };
  }

  async function act(id: string, run: () => Promise<{ error?: unknown }>): Promise<void> {
    busyId.value = id;
    const result = await run();
    busyId.value = null;
    actionError.value = toAppError(result.error);
  }

  return {
    connectors: computed(() => query.data.value?.connectors ?? []),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
    actionError,
    busyId,
    saving: computed(() => create.fetching.value || update.fetching.value),
    createConnector,
    updateConnector,
    setPaused: (id: string, paused: boolean) =>
      act(id, () => update.executeMutation({ id, input: { paused } }, CONNECTOR_TYPES)),
    deleteConnector: (id: string) => act(id, () => remove.executeMutation({ id }, CONNECTOR_TYPES)),
    pollNow: (id: string) => act(id, () => poll.executeMutation({ id }, CONNECTOR_TYPES)),
  };
}
