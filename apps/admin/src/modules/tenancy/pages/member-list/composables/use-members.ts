import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import type { TenantRole } from '../../../../../lib/roles.js';
import {
  ChangeMemberRoleMutation,
  MembersQuery,
  RemoveMemberMutation,
} from '../../../member.documents.js';

const MEMBER_TYPES = { additionalTypenames: ['Member'] };

/** Direct members of the active tenant (first 100), role changes and removal. */
export function useMembers(enabled: () => boolean) {
  const query = useQuery({
    query: MembersQuery,
    variables: { first: 100, after: null },
    context: MEMBER_TYPES,
    pause: computed(() => !enabled()),
    requestPolicy: 'cache-and-network',
  });
  const changeRole = useMutation(ChangeMemberRoleMutation);
  const remove = useMutation(RemoveMemberMutation);
  const actionError = ref<AppErrorInfo | null>(null);

  const members = computed(() => query.data.value?.members.edges.map((edge) => edge.node) ?? []);
  const totalCount = computed(() => query.data.value?.members.totalCount ?? 0);

  async function setRole(userId: string, role: TenantRole): Promise<void> {
    const result = await changeRole.executeMutation({ userId, role }, MEMBER_TYPES);
    actionError.value = toAppError(result.error);
    // A refused change must show the role the member still has.
    if (result.error) query.executeQuery({ requestPolicy: 'network-only' });
  }

  async function removeMember(userId: string): Promise<void> {
    const result = await remove.executeMutation({ userId }, MEMBER_TYPES);
    actionError.value = toAppError(result.error);
  }

  return {
    members,
    totalCount,
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
    busy: computed(() => changeRole.fetching.value || remove.fetching.value),
    actionError,
    setRole,
    removeMember,
  };
}
