import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkMetaSignature, verifyTokenMatches } from './meta-signature.js';

const SECRET = 'meta-app-secret';
const BODY = Buffer.from('{"object":"page","entry":[]}');
const sign = (body: Buffer, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe(checkMetaSignature.name, () => {
  it('accepts the HMAC-SHA256 of the raw body under the app secret', () => {
    expect(checkMetaSignature(sign(BODY), BODY, SECRET)).toBe('valid');
  });

  it('tells a missing signature from a wrong one', () => {
    expect(checkMetaSignature(undefined, BODY, SECRET)).toBe('missing');
    expect(checkMetaSignature(sign(BODY, 'other'), BODY, SECRET)).toBe('invalid');
    expect(checkMetaSignature(sign(Buffer.from(`${BODY} `)), BODY, SECRET)).toBe('invalid');
  });

  it('refuses malformed and wrongly sized signatures without throwing', () => {
    for (const header of ['sha1=abc', 'sha256=zz', 'sha256=abc', `sha256=${'a'.repeat(62)}`])
      expect(checkMetaSignature(header, BODY, SECRET)).toBe('invalid');
  });
});

describe(verifyTokenMatches.name, () => {
  const stored = createHash('sha256').update('the-token').digest();

  it('matches only the token whose hash is stored', () => {
    expect(verifyTokenMatches('the-token', stored)).toBe(true);
    expect(verifyTokenMatches('another', stored)).toBe(false);
    expect(verifyTokenMatches('the-token', null)).toBe(false);
  });
});
