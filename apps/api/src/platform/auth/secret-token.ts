import { createHash, randomBytes } from 'node:crypto';

/** A high-entropy random secret, URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256 (they are random, so no salt or slow hash is needed). */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

const UUID_HEX = /^[0-9a-f]{32}$/;

/** A uuid without dashes (to embed in a token) and back. */
export const compactUuid = (uuid: string) => uuid.replaceAll('-', '');
export function expandUuid(hex: string): string | null {
  if (!UUID_HEX.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
