import { ref } from 'vue';
import { AcceptInvitationMutation, postGraphql, tokensOf } from '../../../../../app/auth-api.js';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import { useSessionStore } from '../../../../../stores/session.js';

/** Accepts an invitation token: a new user names themselves and picks a password. */
export function useAcceptInvitation(token: () => string) {
  const session = useSessionStore();
  const name = ref('');
  const password = ref('');
  const submitting = ref(false);
  const error = ref<AppErrorInfo | null>(null);

  async function submit(): Promise<boolean> {
    submitting.value = true;
    error.value = null;
    try {
      const input = { token: token(), password: password.value, name: name.value.trim() || null };
      const result = await postGraphql(
        AcceptInvitationMutation,
        { input },
        { 'accept-language': session.locale },
      );
      if (result.data?.acceptInvitation) {
        session.setTokens(tokensOf(result.data.acceptInvitation));
        session.selectTenant(null);
        return true;
      }
      error.value = toAppError(result.errors ?? []);
      return false;
    } finally {
      submitting.value = false;
    }
  }

  return { name, password, submitting, error, submit };
}
