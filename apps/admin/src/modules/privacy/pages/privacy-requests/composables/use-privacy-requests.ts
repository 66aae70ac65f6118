import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref, ref } from 'vue';
import { saveBlob } from '../../../../../app/api-http.js';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  ContactPersonalDataMutation,
  EraseContactMutation,
  PrivacyContactQuery,
  type PrivacyRequest,
} from '../../../privacy.documents.js';

/** A file name from a contact's name: letters and digits kept, the rest as `-`. */
const slug = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'contact';

/** The contact a request is about, the download of its data, and its erasure. */
export function usePrivacyRequests(contactId: Ref<string | null>) {
  const contactQuery = useQuery({
    query: PrivacyContactQuery,
    variables: computed(() => ({ id: contactId.value ?? '' })),
    pause: computed(() => !contactId.value),
  });
  const contact = computed(() =>
    contactId.value ? (contactQuery.data.value?.contact ?? null) : null,
  );
  const personalData = useMutation(ContactPersonalDataMutation);
  const erase = useMutation(EraseContactMutation);
  const actionError = ref<AppErrorInfo | null>(null);
  const erased = ref<PrivacyRequest | null>(null);

  async function downloadPersonalData(): Promise<void> {
    const current = contact.value;
    if (!current) return;
    const result = await personalData.executeMutation(
      { contactId: current.id },
      { additionalTypenames: ['PrivacyRequest'] },
    );
    actionError.value = toAppError(result.error);
    const json = result.data?.contactPersonalData;
    if (json)
      saveBlob(
        new Blob([json], { type: 'application/json' }),
        `${slug(current.displayName)}-${current.id}.json`,
      );
  }

  async function eraseContact(reason: string): Promise<boolean> {
    const current = contact.value;
    if (!current) return false;
    const result = await erase.executeMutation(
      { contactId: current.id, reason },
      { additionalTypenames: ['PrivacyRequest', 'Contact'] },
    );
    actionError.value = toAppError(result.error);
    erased.value = result.data?.eraseContact ?? null;
    return !result.error;
  }

  return {
    contact,
    contactError: computed(() => toAppError(contactQuery.error.value)),
    downloadPersonalData,
    downloading: personalData.fetching,
    eraseContact,
    erasing: erase.fetching,
    erased,
    actionError,
  };
}
