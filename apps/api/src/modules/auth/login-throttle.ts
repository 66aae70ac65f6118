import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../../platform/errors/app-error.js';

export interface LoginThrottleLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowSeconds: number;
  readonly namespace: string;
}

/**
 * Counts sign-in attempts per account and per client address. Shared through Redis when the
 * api runs as several replicas, in memory otherwise. Every attempt in a GraphQL alias list
 * counts on its own, so aliases cannot multiply attempts.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(limits: LoginThrottleLimits, redis?: Redis) {
    const make = (keyPrefix: string, points: number) =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix,
            points,
            duration: limits.windowSeconds,
          })
        : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
    this.byAccount = make(`${limits.namespace}:account`, limits.perAccount);
    this.byAddress = make(`${limits.namespace}:address`, limits.perAddress);
  }

  /** Takes one attempt from both budgets; refuses with RATE_LIMITED when either is spent. */
  async attempt(email: string, address: string): Promise<void> {
    try {
      await Promise.all([
        this.byAccount.consume(email.toLowerCase()),
        this.byAddress.consume(address),
      ]);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new AppError(ErrorCode.RateLimited, 'Too many sign-in attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(email.toLowerCase());
  }
}
