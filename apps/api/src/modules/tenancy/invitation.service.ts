import { IsNull, type Repository } from 'typeorm';
import { hashPassword, passwordWeakness } from '../../platform/auth/password.js';
import {
  compactUuid,
  expandUuid,
  hashSecret,
  newSecret,
} from '../../platform/auth/secret-token.js';
import { systemContext, userIdOf } from '../../platform/context/request-context.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import {
  badUserInput,
  conflict,
  notFound,
  unauthenticated,
} from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { AuthPayload, SessionService } from '../auth/index.js';
import { AppUser } from '../auth/index.js';
import { Invitation } from './entities/invitation.entity.js';
import { Membership } from './entities/membership.entity.js';
import {
  type AcceptInvitationInput,
  acceptInvitationSchema,
  type InviteMemberInput,
  inviteMemberSchema,
} from './inputs/tenancy.input.js';
import type { CreatedInvitation } from './tenancy.types.js';

const INVITATION_TTL_MS = 7 * 86_400_000;
const INVITATION_TOKEN = /^inv_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const INVALID_INVITATION = 'Invitation is invalid, expired or already used';
/** An existing account accepts while signed in: a password here would be an unthrottled oracle. */
const SIGN_IN_TO_ACCEPT = 'This invitation is for an existing account: sign in as it to accept';

/**
 * Invitations are single-use and expire. The token names its tenant (so it can be checked
 * inside that tenant's row-level security) and carries a secret stored only as a hash.
 */
export class InvitationService {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly sessions: SessionService,
  ) {}

  async invite(op: Operation, input: InviteMemberInput): Promise<CreatedInvitation> {
    const { email, role } = parseInput(inviteMemberSchema, input, 'input');
    const tenantId = await op.tenantId();
    const { userId } = await op.access();
    await this.refuseExistingMember(op, tenantId, email);
    const secret = newSecret();
    const invitation = {
      tenantId,
      id: newId(),
      email,
      role,
      tokenHash: hashSecret(secret),
      invitedBy: userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      acceptedAt: null,
      createdAt: new Date(),
    };
    await (await op.repository(Invitation)).insert(invitation);
    return { invitation, token: `inv_${compactUuid(invitation.tenantId)}_${secret}` };
  }

  /** Role changes go through changeMemberRole and its last-owner guard, never an invitation. */
  private async refuseExistingMember(op: Operation, tenantId: string, email: string) {
    const manager = await op.manager();
    const [member] = await manager.query(
      `SELECT 1 FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND lower(u.email) = lower($2)`,
      [tenantId, email],
    );
    if (member) {
      throw conflict(
        'is already a member of this tenant; change their role on the members page',
        'input.email',
      );
    }
  }

  async pending(op: Operation): Promise<Invitation[]> {
    const tenantId = await op.tenantId();
    return (await op.repository(Invitation)).find({
      where: { tenantId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { id: 'DESC' },
      take: 200,
    });
  }

  async revoke(op: Operation, id: string): Promise<string> {
    const tenantId = await op.tenantId();
    const invitations = await op.repository(Invitation);
    const { affected } = await invitations.update(
      { tenantId, id: requireId(id), acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!affected) throw notFound('Invitation');
    return id;
  }

  /** Joins the invitee to the tenant (creating their user when new) and signs them in. */
  async accept(op: Operation, input: AcceptInvitationInput): Promise<AuthPayload> {
    const values = parseInput(acceptInvitationSchema, input, 'input');
    const [, tenantHex = '', secret = ''] = INVITATION_TOKEN.exec(values.token) ?? [];
    const tenantId = expandUuid(tenantHex);
    const signedInUserId = userIdOf(op.request);
    if (!tenantId) throw badUserInput([{ field: 'input.token', message: INVALID_INVITATION }]);
    // Possession of the token is the authority here, so the work runs as the server in that tenant.
    return this.scopes.run(systemContext(tenantId, op.request), async (accepting) => {
      const manager = await accepting.manager();
      const invitation = await manager.getRepository(Invitation).findOne({
        where: {
          tenantId,
          tokenHash: hashSecret(secret),
          acceptedAt: IsNull(),
          revokedAt: IsNull(),
        },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.expiresAt.getTime() <= Date.now()) {
        throw badUserInput([{ field: 'input.token', message: INVALID_INVITATION }]);
      }
      const users = manager.getRepository(AppUser);
      const existing = await users
        .createQueryBuilder('user')
        .where('lower(user.email) = lower(:email)', { email: invitation.email })
        .getOne();
      if (existing && existing.id !== signedInUserId) throw unauthenticated(SIGN_IN_TO_ACCEPT);
      const userId = existing
        ? existing.id
        : await this.createUser(
            manager.getRepository(AppUser),
            invitation.email,
            values.name,
            values.password,
          );
      await manager
        .createQueryBuilder()
        .insert()
        .into(Membership)
        .values({ tenantId, userId, role: invitation.role })
        .orIgnore()
        .execute();
      await manager
        .getRepository(Invitation)
        .update({ tenantId, id: invitation.id }, { acceptedAt: new Date() });
      return this.sessions.start(accepting, userId);
    });
  }

  private async createUser(
    users: Repository<AppUser>,
    email: string,
    name: string | undefined,
    password: string | undefined,
  ): Promise<string> {
    const missing = [
      ...(name ? [] : [{ field: 'input.name', message: 'is required for a new account' }]),
      ...(password ? [] : [{ field: 'input.password', message: 'is required for a new account' }]),
    ];
    if (!name || !password) throw badUserInput(missing);
    const weakness = passwordWeakness(password, email);
    if (weakness) throw badUserInput([{ field: 'input.password', message: weakness }]);
    const id = newId();
    await users.insert({
      id,
      email,
      name,
      locale: 'es',
      passwordHash: await hashPassword(password),
    });
    return id;
  }
}
