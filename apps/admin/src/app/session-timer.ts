import { watch } from 'vue';
import type { SessionStore } from '../stores/session.js';
import { refreshSession } from './auth-api.js';
import { REFRESH_MARGIN_MS } from './urql-client.js';

/** Refreshes the tokens shortly before the access token expires, even while the app is idle. */
export function keepSessionFresh(session: SessionStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => session.tokens?.accessTokenExpiresAt,
    (expiresAt) => {
      clearTimeout(timer);
      if (!expiresAt) return;
      const delay = Math.max(Date.parse(expiresAt) - Date.now() - REFRESH_MARGIN_MS, 1_000);
      timer = setTimeout(() => void refreshSession(session), Math.min(delay, 2 ** 31 - 1));
    },
    { immediate: true },
  );
}
