import type { Redis } from 'ioredis';
import type { AccessTokens } from '../../platform/auth/access-token.js';
import type { Config } from '../../platform/config/config.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { AppUser } from './app-user.entity.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionService } from './session.service.js';

/** Accounts, sign-in with its throttle, and sessions (refresh-token families). */
export const authModule = defineModule({
  name: 'auth',
  entities: [AppUser, RefreshToken],
  resolvers: [AuthResolver],
  build({
    scopes,
    tokens,
    config,
    redis,
  }: {
    scopes: OperationScopes;
    tokens: AccessTokens;
    config: Config;
    redis?: Redis;
  }) {
    const sessions = new SessionService(tokens, {
      refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
      reuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
    });
    // Its own connection fails fast while Redis is away, so sign-ins fall back to memory at
    // once (the platform reports the outage once, from the shared connection).
    const throttleRedis = redis?.duplicate({ enableOfflineQueue: false }).on('error', () => {});
    const throttle = new LoginThrottle(
      {
        perAccount: config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
        perAccountEverywhere: config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_EVERYWHERE,
        perAddress: config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
        windowSeconds: config.LOGIN_WINDOW_SECONDS,
        knownAddressDays: config.LOGIN_KNOWN_ADDRESS_DAYS,
        namespace: config.LOGIN_THROTTLE_NAMESPACE,
      },
      throttleRedis,
    );
    return {
      resolvers: [new AuthResolver(new AuthService(scopes, sessions, throttle))],
      stop: () => throttleRedis?.disconnect(),
      offers: { sessions },
    };
  },
});
