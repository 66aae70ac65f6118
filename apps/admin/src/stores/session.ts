import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../app/i18n.js';

export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export const STORAGE_KEYS = {
  tokens: 'socialcrm.session',
  tenant: 'socialcrm.tenant',
  locale: 'socialcrm.locale',
} as const;

/** The tokens saved in localStorage (possibly by another tab), or null. */
export function readStoredTokens(): SessionTokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEYS.tokens);
    const parsed = raw ? (JSON.parse(raw) as Partial<SessionTokens>) : null;
    return parsed?.accessToken && parsed.refreshToken ? (parsed as SessionTokens) : null;
  } catch {
    return null;
  }
}

function persist(key: string, value: string | null): void {
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
}

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEYS.locale);
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

/** Session state only: tokens, the active tenant and the UI language. Server data lives in urql. */
export const useSessionStore = defineStore('session', () => {
  const tokens = ref<SessionTokens | null>(readStoredTokens());
  const activeTenantId = ref<string | null>(localStorage.getItem(STORAGE_KEYS.tenant));
  const locale = ref<Locale>(initialLocale());

  const isSignedIn = computed(() => tokens.value !== null);

  watch(tokens, (value) => persist(STORAGE_KEYS.tokens, value ? JSON.stringify(value) : null));
  watch(activeTenantId, (value) => persist(STORAGE_KEYS.tenant, value));
  watch(locale, (value) => persist(STORAGE_KEYS.locale, value));

  // Another tab refreshed or signed out: follow it rather than reuse a rotated refresh token.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEYS.tokens) tokens.value = readStoredTokens();
    });
  }

  function setTokens(value: SessionTokens): void {
    tokens.value = value;
  }

  function clear(): void {
    tokens.value = null;
  }

  function selectTenant(id: string | null): void {
    activeTenantId.value = id;
  }

  function setLocale(value: Locale): void {
    locale.value = value;
  }

  return { tokens, activeTenantId, locale, isSignedIn, setTokens, clear, selectTenant, setLocale };
});

export type SessionStore = ReturnType<typeof useSessionStore>;
