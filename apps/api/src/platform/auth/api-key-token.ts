import { compactUuid, expandUuid, hashSecret } from './secret-token.js';

const PATTERN = /^sck_([0-9a-f]{32})([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** `sck_<tenant><key id>_<secret>`: names its tenant and key so it is checked inside RLS. */
export function formatApiKey(tenantId: string, keyId: string, secret: string): string {
  return `sck_${compactUuid(tenantId)}${compactUuid(keyId)}_${secret}`;
}

export const API_KEY_PREFIX_LENGTH = 16;

/** The presented key's parts, or null when it is not shaped like one of our keys. */
export function parseApiKey(
  token: string,
): { tenantId: string; apiKeyId: string; secretHash: Buffer } | null {
  const match = PATTERN.exec(token);
  if (!match) return null;
  const tenantId = expandUuid(match[1] ?? '');
  const apiKeyId = expandUuid(match[2] ?? '');
  if (!tenantId || !apiKeyId) return null;
  return { tenantId, apiKeyId, secretHash: hashSecret(match[3] ?? '') };
}

export const looksLikeApiKey = (token: string) => token.startsWith('sck_');
