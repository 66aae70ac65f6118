import type { Redis } from 'ioredis';

export type RedisReachability = 'reachable' | 'unreachable';

/**
 * Watches the shared Redis connection: one log line when it is lost and one when it is back
 * (ioredis would report every reconnection attempt), and its state for readiness. While it is
 * lost the sign-in throttle counts in memory and the live feed relies on polling.
 */
export function watchRedis(redis: Redis, log: (line: string) => void): () => RedisReachability {
  let lost = false;
  redis.on('error', (error: Error) => {
    if (lost) return;
    lost = true;
    log(`[api] Redis unreachable (${error.message}); counting sign-ins in memory until it is back`);
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    log('[api] Redis reachable again');
  });
  return () => (redis.status === 'ready' ? 'reachable' : 'unreachable');
}
