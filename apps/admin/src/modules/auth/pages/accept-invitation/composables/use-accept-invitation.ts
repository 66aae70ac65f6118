import { computed, ref } from 'vue';
import {
  AcceptInvitationMutation,
  postGraphql,
  refreshSession,
  tokensOf,
} from '../../../../../app/auth-api.js';
import { expiresSoon } from '../../../../../app/urql-client.js';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import { useSessionStore } from '../../../../../stores/session.js';

/**
 * Accepts an invitation token. Someone signed in accepts as themselves (no password: the api
 * never checks one here); a newcomer names themselves and picks a password.
 */
export function useAcceptInvitation(token: () => string) {
  const session = useSessionStore();
  const signedIn = computed(() => session.isSignedIn);
  const submitting = ref(false);
  const error = ref<AppErrorInfo | null>(null);

  async function submit(newcomer: { name?: string; password?: string }): Promise<boolean> {
    submitting.value = true;
    error.value = null;
    try {
      if (signedIn.value && expiresSoon(session)) await refreshSession(session);
      const headers: Record<string, string> = { 'accept-language': session.locale };
      if (session.tokens) headers.authorization = `Bearer ${session.tokens.accessToken}`;
      const input = session.tokens
        ? { token: token() }
        : { token: token(), password: newcomer.password ?? '', name: newcomer.name ?? null };
      const result = await postGraphql(AcceptInvitationMutation, { input }, headers);
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

  return { signedIn, submitting, error, submit };
}
