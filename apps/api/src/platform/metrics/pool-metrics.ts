import { Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { metrics } from './metrics.js';

/** What `pg`'s pool tells of itself. */
interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** The runtime pool's connections (in use, idle) and the callers waiting for one, per scrape. */
export function watchPool(dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: PoolCounts }).master;
  new Gauge({
    name: 'socialcrm_db_pool_connections',
    help: 'Runtime database connections of this process, by state (in use, idle, waiting callers).',
    labelNames: ['state'] as const,
    registers: [metrics],
    collect() {
      const counts = pool();
      if (!counts) return;
      this.set({ state: 'in_use' }, counts.totalCount - counts.idleCount);
      this.set({ state: 'idle' }, counts.idleCount);
      this.set({ state: 'waiting' }, counts.waitingCount);
    },
  });
}

/** How long an operation waited for its connection from the pool. */
export const connectionWait = new Histogram({
  name: 'socialcrm_db_connection_wait_seconds',
  help: 'Time from asking the pool for a connection to having one.',
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [metrics],
});
