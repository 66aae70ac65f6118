import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'invalid';

const HEADER = /^sha256=([0-9a-f]+)$/i;

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>`, Meta's HMAC-SHA256 of the raw body under the
 * app secret: compared in constant time, after a length check (timingSafeEqual needs equal lengths).
 */
export function checkMetaSignature(
  header: string | undefined,
  rawBody: Buffer,
  appSecret: string,
): SignatureCheck {
  if (!header) return 'missing';
  const hex = HEADER.exec(header.trim())?.[1];
  if (!hex || hex.length % 2 !== 0) return 'invalid';
  const given = Buffer.from(hex, 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (given.length !== expected.length) return 'invalid';
  return timingSafeEqual(given, expected) ? 'valid' : 'invalid';
}

/** Compares a presented verify token with the stored SHA-256 of the real one, in constant time. */
export function verifyTokenMatches(presented: string, storedHash: Buffer | null): boolean {
  if (storedHash?.length !== 32) return false;
  return timingSafeEqual(createHash('sha256').update(presented).digest(), storedHash);
}
