import { errors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../errors/app-error.js';

const ISSUER = 'socialcrm-api';
const AUDIENCE = 'socialcrm';
const ALGORITHM = 'HS256';
const VERIFIED_CACHE_SIZE = 10_000;

export interface AccessClaims {
  readonly userId: string;
  /** The refresh-token family (the sign-in session) this token was issued for. */
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/** Short-lived signed access tokens: algorithm pinned, issuer and audience checked. */
export class AccessTokens {
  private readonly key: Uint8Array;
  // Verified tokens, kept until they expire: WebCrypto verification costs more than the rest
  // of a small request, and a client sends the same token many times. Revocation is still
  // checked by the database on every operation (the session must be alive).
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    /** The clock expiry is judged by (tests move it instead of waiting). */
    private readonly now: () => number = Date.now,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(
    userId: string,
    sessionId: string,
    now = new Date(this.now()),
  ): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<AccessClaims> {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt.getTime() > this.now()) return cached;
    this.verified.delete(token);
    const claims = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE)
      this.verified.delete(this.verified.keys().next().value ?? '');
    this.verified.set(token, claims);
    return claims;
  }

  private async verifySignature(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'sid'],
        currentDate: new Date(this.now()),
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !payload.exp) {
        throw unauthenticated('Invalid access token');
      }
      return {
        userId: payload.sub,
        sessionId: payload.sid,
        expiresAt: new Date(payload.exp * 1000),
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('Access token expired');
      throw unauthenticated('Invalid access token');
    }
  }
}
