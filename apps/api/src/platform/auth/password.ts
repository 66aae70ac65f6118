import argon2 from 'argon2';

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, parallelism 1.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/**
 * Verifies a password; with no stored hash (unknown user) it verifies against a throwaway
 * hash so both answers take about the same time.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  const hash = storedHash ?? (await decoyHash);
  const matches = await argon2.verify(hash, password).catch(() => false);
  return storedHash !== null && matches;
}

const decoyHash = argon2.hash('decoy password that never matches', OPTIONS);

/** Why a password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < 10) return 'must have at least 10 characters';
  if (password.length > 256) return 'must have at most 256 characters';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (classes < 3) return 'must mix at least three of: lower case, upper case, digits, symbols';
  if (email && password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() ?? '\u0000'))
    return 'must not contain the email name';
  return null;
}
