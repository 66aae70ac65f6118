import { inject } from 'vitest';

// Every api process a test starts shares the run's Redis (global-setup.ts provides it), as
// replicas in production do; api-process.ts passes REDIS_URL on.
process.env.REDIS_URL = inject('redisUrl');
