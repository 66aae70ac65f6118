import { ref } from 'vue';
import { postGraphql, SignInMutation, tokensOf } from '../../../../../app/auth-api.js';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import { useSessionStore } from '../../../../../stores/session.js';

/** Signs in with email and password and stores the session tokens. */
export function useSignIn() {
  const session = useSessionStore();
  const submitting = ref(false);
  const error = ref<AppErrorInfo | null>(null);

  async function submit(email: string, password: string): Promise<boolean> {
    submitting.value = true;
    error.value = null;
    try {
      const result = await postGraphql(
        SignInMutation,
        { input: { email, password } },
        { 'accept-language': session.locale },
      );
      if (result.data?.signIn) {
        session.setTokens(tokensOf(result.data.signIn));
        return true;
      }
      error.value = toAppError(result.errors ?? []) ?? {
        code: 'INTERNAL_SERVER_ERROR',
        message: '',
        fields: [],
      };
      return false;
    } finally {
      submitting.value = false;
    }
  }

  return { submitting, error, submit };
}
