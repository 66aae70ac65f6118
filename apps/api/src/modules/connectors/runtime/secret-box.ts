import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts connector secrets with AES-256-GCM. Each ciphertext is bound to its row (the
 * associated data is `tenant:connector`), so copying it to another connector or tenant
 * makes it undecryptable rather than usable.
 */
export class SecretBox {
  private readonly key: Buffer;

  /** `material` is CONNECTOR_SECRET_KEY (or, outside production, the token secret). */
  constructor(material: string, purpose = 'socialcrm connector secrets v1') {
    this.key = Buffer.from(hkdfSync('sha256', material, 'socialcrm', purpose, 32));
  }

  seal(plaintext: string, boundTo: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The plaintext, or throws when the ciphertext was altered, moved or sealed under another key. */
  open(sealed: string, boundTo: string): string {
    const [version, payload] = sealed.split(':');
    if (version !== VERSION || !payload) throw new Error('Unknown secret format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}

export const secretBinding = (tenantId: string, connectorId: string) =>
  `${tenantId}:${connectorId}`;
