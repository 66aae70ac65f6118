import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-token.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe(AccessTokens.name, () => {
  it('verifies its own tokens, again from its cache, and refuses another key’s', async () => {
    const tokens = new AccessTokens(SECRET, 60);
    const { token } = await tokens.issue('user-1', 'session-1');
    expect(await tokens.verify(token)).toMatchObject({ userId: 'user-1', sessionId: 'session-1' });
    expect(await tokens.verify(token)).toMatchObject({ userId: 'user-1' });
    const other = new AccessTokens(`${SECRET}-other`, 60);
    await expect(other.verify(token)).rejects.toThrow('Invalid access token');
  });

  it('refuses an expired token even after it was verified while fresh', async () => {
    let now = Date.UTC(2026, 11, 3, 12);
    const tokens = new AccessTokens(SECRET, 30, () => now);
    const { token } = await tokens.issue('user-1', 'session-1');
    now += 29_000;
    await tokens.verify(token);
    now += 1_200;
    await expect(tokens.verify(token)).rejects.toThrow('Access token expired');
  });
});
