import PgBoss from 'pg-boss';
import { Gauge } from 'prom-client';
import { logFailure } from '../errors/log-failure.js';
import { log } from '../logging/log.js';
import { metrics } from '../metrics/metrics.js';
import { JOB_SCHEMA } from './install-job-queue.js';
import type { JobData, JobDefinition, JobSender, ModuleJob } from './job-definition.js';
import { runJob } from './run-job.js';

/**
 * The background work of all replicas, in PostgreSQL (pg-boss): each job runs once, on
 * whichever replica fetches it; a failed one is retried with back-off; one whose replica died
 * is retried once it expires. A scheduled task is sent by every replica each half period, and
 * the queue keeps one per period (pg-boss's throttle: one job per time slot and key).
 */
export class JobQueue implements JobSender {
  private readonly boss: PgBoss;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly byName = new Map<string, JobDefinition>();
  private jobs: readonly ModuleJob[] = [];

  constructor(
    runtimeUrl: string,
    private readonly timing: { expireInSeconds?: number; maintenanceSeconds: number },
  ) {
    this.boss = new PgBoss({
      connectionString: runtimeUrl,
      schema: JOB_SCHEMA,
      migrate: false,
      schedule: false,
      max: 3,
      maintenanceIntervalSeconds: timing.maintenanceSeconds,
      application_name: 'socialcrm-jobs',
    });
    this.boss.on('error', (error) => {
      // The database going away (a restart, the embedded one stopping with the process) is the
      // operator's news, not a failure of ours: the queue reconnects and the jobs wait.
      const code = (error as { code?: string }).code;
      if (code && /^57P0[123]$|^ECONNRESET$|^ECONNREFUSED$/.test(code))
        log.warn({ code }, 'job queue lost its database connection');
      else logFailure('job queue error', error);
    });
    const boss = this.boss;
    const names = () => this.byName.keys();
    new Gauge({
      name: 'socialcrm_job_queue_depth',
      help: 'Jobs waiting (created or to retry), by job.',
      labelNames: ['job'] as const,
      registers: [metrics],
      collect: async function (this: Gauge<'job'>) {
        for (const name of names())
          this.set({ job: name }, await boss.getQueueSize(name).catch(() => 0));
      },
    });
  }

  /** The modules' jobs, before `start` (which sending and running both need). */
  register(jobs: readonly ModuleJob[]): void {
    this.jobs = jobs;
    for (const { definition } of jobs) this.byName.set(definition.name, definition);
  }

  /** Starts working every queue with its module's handler, and the scheduled tasks' clocks. */
  async start(): Promise<void> {
    await this.boss.start();
    for (const { definition, handler } of this.jobs) {
      await this.boss.work<JobData>(
        definition.name,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (!job) return;
          const { tenantId } = job.data;
          await runJob(definition.name, { jobId: job.id, ...(tenantId && { tenantId }) }, () =>
            handler(job.data),
          );
        },
      );
      const every = definition.everySeconds;
      if (every) {
        const tick = () =>
          this.boss
            .send(
              definition.name,
              {},
              {
                ...this.options(definition),
                singletonKey: definition.name,
                singletonSeconds: every,
              },
            )
            .catch((error) =>
              logFailure('scheduling a job failed', error, { job: definition.name }),
            );
        void tick();
        this.timers.push(setInterval(tick, (every * 1000) / 2).unref());
      }
    }
  }

  async send(name: string, data: JobData, options: { singletonKey?: string } = {}): Promise<void> {
    const definition = this.byName.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    await this.boss.send(name, data, { ...this.options(definition), ...options });
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private options(definition: JobDefinition): PgBoss.SendOptions {
    return {
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelaySeconds ?? 5,
      retryBackoff: true,
      expireInSeconds: this.timing.expireInSeconds ?? definition.expireInSeconds ?? 15 * 60,
    };
  }
}
