import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, verifyPassword } from './password.js';

describe(passwordWeakness.name, () => {
  it.each([
    ['short1!A', 'must have at least 10 characters'],
    ['alllowercaseletters', 'must mix at least three of: lower case, upper case, digits, symbols'],
    ['Ana.Lopez-2026', 'must not contain the email name'],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, 'ana.lopez@example.com')).toBe(reason);
  });

  it('accepts a long mixed password', () => {
    expect(passwordWeakness('Correct-horse-9!', 'ana@example.com')).toBeNull();
  });
});

describe(verifyPassword.name, () => {
  it('verifies the right password against an argon2id hash and refuses a wrong one', async () => {
    const hash = await hashPassword('Correct-horse-9!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Correct-horse-9!')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-9!')).toBe(false);
  });

  it('refuses an unknown user even with the decoy password', async () => {
    expect(await verifyPassword(null, 'decoy password that never matches')).toBe(false);
  });
});
