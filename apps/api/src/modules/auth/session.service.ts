import { type EntityManager, IsNull } from 'typeorm';
import type { AccessTokens } from '../../platform/auth/access-token.js';
import { hashSecret, newSecret } from '../../platform/auth/secret-token.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { unauthenticated } from '../../platform/errors/app-error.js';
import type { AuthPayload } from './auth.types.js';
import { RefreshToken } from './refresh-token.entity.js';

export type RefreshOutcome =
  | { readonly kind: 'rotated'; readonly payload: AuthPayload }
  | { readonly kind: 'reused'; readonly familyId: string };

export interface SessionPolicy {
  readonly refreshTtlDays: number;
  /** Two tabs refreshing with the same token within this window are not a theft. */
  readonly reuseGraceSeconds: number;
}

/** Sign-in sessions as families of rotating refresh tokens, stored hashed. */
export class SessionService {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly policy: SessionPolicy,
  ) {}

  async start(op: Operation, userId: string): Promise<AuthPayload> {
    return this.issue(await op.manager(), userId, newId());
  }

  /**
   * Rotates a refresh token. A token presented again after it was rotated (past the grace
   * window) means it leaked: the caller must revoke the whole family (in a transaction of its
   * own, since the operation that detected it fails).
   */
  async refresh(op: Operation, refreshToken: string): Promise<RefreshOutcome> {
    const manager = await op.manager();
    const tokens = manager.getRepository(RefreshToken);
    // No row lock: the reuse path revokes the family from another transaction, which a lock
    // held here would block. Rotation is a conditional update instead.
    const link = await tokens.findOneBy({ tokenHash: hashSecret(refreshToken) });
    const now = Date.now();
    if (!link || link.revokedAt || link.expiresAt.getTime() <= now)
      throw unauthenticated('Invalid refresh token');
    const rotatedAt =
      link.rotatedAt ??
      ((await tokens.update({ id: link.id, rotatedAt: IsNull() }, { rotatedAt: new Date(now) }))
        .affected
        ? null
        : new Date(now));
    // Two tabs refreshing with one token within the grace window both get new tokens.
    if (rotatedAt && now - rotatedAt.getTime() > this.policy.reuseGraceSeconds * 1000) {
      return { kind: 'reused', familyId: link.familyId };
    }
    return { kind: 'rotated', payload: await this.issue(manager, link.userId, link.familyId) };
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  async end(op: Operation, refreshToken: string): Promise<void> {
    const link = await (await op.manager())
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: hashSecret(refreshToken) });
    if (link) await this.revokeFamily(op, link.familyId);
  }

  async revokeFamily(op: Operation, familyId: string): Promise<void> {
    await (await op.manager())
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    familyId: string,
  ): Promise<AuthPayload> {
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + this.policy.refreshTtlDays * 86_400_000);
    await manager.getRepository(RefreshToken).insert({
      id: newId(),
      familyId,
      userId,
      tokenHash: hashSecret(refreshToken),
      expiresAt: refreshTokenExpiresAt,
    });
    const access = await this.accessTokens.issue(userId, familyId);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
