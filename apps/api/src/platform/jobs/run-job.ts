import { Counter, Histogram } from 'prom-client';
import { log } from '../logging/log.js';
import { metrics } from '../metrics/metrics.js';

const runs = new Counter({
  name: 'socialcrm_jobs_total',
  help: 'Background jobs run, by job and outcome (ok or failed).',
  labelNames: ['job', 'outcome'] as const,
  registers: [metrics],
});

const durations = new Histogram({
  name: 'socialcrm_job_duration_seconds',
  help: 'How long background jobs take, by job.',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metrics],
});

/**
 * Runs one background job and accounts for it: a log line (with `fields`: ids only) and its
 * metrics, whatever the outcome. A failure is rethrown to the caller, which knows whether it
 * was expected (a feed that is down) and logs its detail.
 */
export async function runJob<T>(
  job: string,
  fields: Record<string, unknown>,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const finish = (outcome: 'ok' | 'failed') => {
    const seconds = (performance.now() - started) / 1000;
    runs.inc({ job, outcome });
    durations.observe({ job }, seconds);
    return { job, ...fields, outcome, responseTime: Math.round(seconds * 1000) };
  };
  try {
    const result = await work();
    log.info(finish('ok'), 'job');
    return result;
  } catch (error) {
    log.warn(finish('failed'), 'job failed');
    throw error;
  }
}
