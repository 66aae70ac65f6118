import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../../platform/errors/app-error.js';

export interface LoginThrottleLimits {
  /** Attempts on one account from one address per window. */
  readonly perAccount: number;
  /** Attempts on one account from every address together per window (distributed guessing). */
  readonly perAccountEverywhere: number;
  /** Attempts from one address on any accounts per window (password spraying). */
  readonly perAddress: number;
  readonly windowSeconds: number;
  /** How long an address where the account signed in stays known to it. */
  readonly knownAddressDays: number;
  readonly namespace: string;
}

/**
 * Counts password checks per account and address, per address, and per account everywhere.
 * The last budget is what a distributed guesser exhausts, so it does not apply from an address
 * where the account signed in before: nobody can lock an owner out of their own known address
 * by guessing from elsewhere (OWASP's "device cookie" idea, keyed by address). Shared through
 * Redis when the api runs as several replicas, in memory otherwise; when Redis cannot be
 * reached each replica counts in memory until it can again. Every password check counts, and
 * every attempt in a GraphQL alias list counts on its own.
 */
export class LoginThrottle {
  private readonly byAccountAndAddress: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  private readonly knownAddresses: RateLimiterAbstract;
  private readonly knownAddressSeconds: number;

  constructor(limits: LoginThrottleLimits, redis?: Redis) {
    const make = (name: string, points: number, duration: number) => {
      const keyPrefix = `${limits.namespace}:${name}`;
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      return redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix,
            points,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
    };
    this.knownAddressSeconds = limits.knownAddressDays * 86_400;
    this.byAccountAndAddress = make('account-address', limits.perAccount, limits.windowSeconds);
    this.byAccount = make('account', limits.perAccountEverywhere, limits.windowSeconds);
    this.byAddress = make('address', limits.perAddress, limits.windowSeconds);
    this.knownAddresses = make('known', 1, this.knownAddressSeconds);
  }

  /** Takes one attempt from each budget that applies; refuses with RATE_LIMITED when one is spent. */
  async attempt(email: string, address: string): Promise<void> {
    const account = email.toLowerCase();
    const known = (await this.knownAddresses.get(pair(account, address))) !== null;
    try {
      await Promise.all([
        this.byAccountAndAddress.consume(pair(account, address)),
        this.byAddress.consume(address),
        known ? null : this.byAccount.consume(account),
      ]);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new AppError(ErrorCode.RateLimited, 'Too many sign-in attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  /** A right password clears this address's count for the account and makes the address known. */
  async succeeded(email: string, address: string): Promise<void> {
    const key = pair(email.toLowerCase(), address);
    await Promise.all([
      this.byAccountAndAddress.delete(key),
      this.knownAddresses.set(key, 1, this.knownAddressSeconds),
    ]);
  }
}

const pair = (account: string, address: string) => `${account}|${address}`;
