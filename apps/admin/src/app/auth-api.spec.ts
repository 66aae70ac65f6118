import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.js';
import { refreshSession } from './auth-api.js';

const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
  refreshToken: `refresh-${n}`,
  refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
});

describe(refreshSession.name, () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends one refresh for concurrent callers and stores the rotated tokens', async () => {
    const session = useSessionStore();
    session.setTokens(tokens(1));
    const fetchMock = vi.fn(async () => Response.json({ data: { refreshSession: tokens(2) } }));
    vi.stubGlobal('fetch', fetchMock);

    const results = await Promise.all([refreshSession(session), refreshSession(session)]);

    expect(results).toEqual([true, true]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(session.tokens?.refreshToken).toBe('refresh-2');
  });

  it('ends the session when the refresh token is refused', async () => {
    const session = useSessionStore();
    session.setTokens(tokens(1));
    vi.stubGlobal('fetch', async () =>
      Response.json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    expect(await refreshSession(session)).toBe(false);
    expect(session.tokens).toBeNull();
  });

  it('keeps the session through a network failure', async () => {
    const session = useSessionStore();
    session.setTokens(tokens(1));
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await refreshSession(session)).toBe(false);
    expect(session.tokens?.refreshToken).toBe('refresh-1');
  });
});
