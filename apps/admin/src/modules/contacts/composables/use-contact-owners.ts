import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useActiveTenant } from '../../../app/tenant-scope.js';
import { hasRole } from '../../../lib/roles.js';
import { useMe } from '../../tenancy/composables/use-me.js';
import { ContactOwnersQuery } from '../contact.documents.js';

/**
 * Who can own contacts, as select options: the members when the caller may list them (a
 * manager or owner), else the caller themself. `ownerName` names any owner id it knows.
 */
export function useContactOwners() {
  const { t } = useI18n();
  const tenant = useActiveTenant();
  const { me } = useMe();
  const canListMembers = computed(() => hasRole(tenant.value?.role, 'MANAGER'));
  const members = useQuery({
    query: ContactOwnersQuery,
    pause: computed(() => !canListMembers.value),
  });
  const people = computed(() => {
    const listed = (members.data.value?.members.edges ?? [])
      .filter((edge) => edge.node.role !== 'VIEWER')
      .map((edge) => edge.node.user);
    const self = me.value?.user;
    return self && !listed.some((user) => user.id === self.id) ? [self, ...listed] : listed;
  });
  const options = computed(() =>
    people.value.map((user) => ({ value: user.id, label: user.name || user.email })),
  );
  const names = computed(
    () => new Map(options.value.map((option) => [option.value, option.label])),
  );
  function ownerName(id: string | null | undefined): string {
    if (!id) return t('contacts.noOwner');
    return names.value.get(id) ?? t('contacts.someoneElse');
  }
  return { options, ownerName, myId: computed(() => me.value?.user.id ?? null) };
}
