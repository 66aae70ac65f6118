import { errors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../errors/app-error.js';

const ISSUER = 'socialcrm-api';
const AUDIENCE = 'socialcrm';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  readonly userId: string;
  /** The refresh-token family (the sign-in session) this token was issued for. */
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/** Short-lived signed access tokens: algorithm pinned, issuer and audience checked. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(
    userId: string,
    sessionId: string,
    now = new Date(),
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
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'sid'],
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
