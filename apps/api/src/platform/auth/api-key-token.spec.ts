import { describe, expect, it } from 'vitest';
import { formatApiKey, parseApiKey } from './api-key-token.js';
import { hashSecret, newSecret } from './secret-token.js';

const TENANT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const KEY = '0190a1b2-c3d4-7e5f-8a9b-ffffffffffff';

describe(parseApiKey.name, () => {
  it('reads back the tenant, the key and the secret hash of a formatted key', () => {
    const secret = newSecret();
    expect(parseApiKey(formatApiKey(TENANT, KEY, secret))).toEqual({
      tenantId: TENANT,
      apiKeyId: KEY,
      secretHash: hashSecret(secret),
    });
  });

  it.each([
    '',
    'sck_',
    'Bearer sck_x',
    `sck_${'g'.repeat(64)}_${'a'.repeat(43)}`,
    `sck_${'a'.repeat(64)}_short`,
  ])('refuses %j', (token) => {
    expect(parseApiKey(token)).toBeNull();
  });
});
