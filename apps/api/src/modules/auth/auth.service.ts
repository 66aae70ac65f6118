import { verifyPassword } from '../../platform/auth/password.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { unauthenticated } from '../../platform/errors/app-error.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { AppUser } from './app-user.entity.js';
import { type SignInInput, signInSchema } from './auth.input.js';
import type { AuthPayload } from './auth.types.js';
import type { LoginThrottle } from './login-throttle.js';
import type { SessionService } from './session.service.js';

const INVALID_CREDENTIALS = 'Invalid email or password';

export class AuthService {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Same answer, in about the same time, for an unknown email and a wrong password. */
  async signIn(op: Operation, input: SignInInput): Promise<AuthPayload> {
    const { email, password } = parseInput(signInSchema, input, 'input');
    await this.throttle.attempt(email, op.request.clientAddress);
    const manager = await op.manager();
    const user = await manager
      .getRepository(AppUser)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
    if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    await this.throttle.succeeded(email, op.request.clientAddress);
    return this.sessions.start(op, user.id);
  }

  async refresh(op: Operation, refreshToken: string): Promise<AuthPayload> {
    const outcome = await this.sessions.refresh(op, refreshToken);
    if (outcome.kind === 'rotated') return outcome.payload;
    // Revoke in a transaction of its own: this operation fails and rolls back.
    const revocation: RequestContext = { ...op.request, principal: { kind: 'anonymous' } };
    await this.scopes.run(revocation, (revoking) =>
      this.sessions.revokeFamily(revoking, outcome.familyId),
    );
    throw unauthenticated('Refresh token reused; the session was ended');
  }

  async signOut(op: Operation, refreshToken: string | null): Promise<boolean> {
    const _manager = await op.manager();
    if (refreshToken) await this.sessions.end(op, refreshToken);
    if (op.request.principal.kind === 'user')
      await this.sessions.revokeFamily(op, op.request.principal.sessionId);
    return true;
  }
}
