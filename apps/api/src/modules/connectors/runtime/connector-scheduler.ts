import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../../platform/database/tenant-pages.js';
import { logFailure } from '../../../platform/errors/log-failure.js';
import type { JobData, JobSender, ModuleJob } from '../../../platform/jobs/job-definition.js';
import type { ConnectorRuntime } from '../connector.service.js';
import type { FeedPoller } from '../feeds/feed-poller.js';
import type { MastodonStreams } from '../mastodon/mastodon-streams.js';
import { inTenant } from './tenant-scope.js';

const PRUNE_EVERY_MS = 3600_000;

/**
 * The connectors' clock. Feeds are the job queue's work: once per tick across all replicas,
 * `connectors.tick` claims each tenant's due feeds and queues one `connectors.poll-feed` job
 * per feed, run (and retried) by whichever replica fetches it. Mastodon streams are connections
 * a replica holds, so each replica still reconciles them itself, claiming them by lease.
 */
export class ConnectorScheduler implements ConnectorRuntime {
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<void> | undefined;
  private readonly prunedAt = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly scopes: OperationScopes,
    private readonly feeds: FeedPoller,
    private readonly streams: MastodonStreams,
    private readonly jobs: JobSender,
    private readonly tickMs: number,
  ) {}

  /** The queue's jobs of the connectors module. */
  jobDefinitions(): ModuleJob[] {
    return [
      {
        definition: { name: 'connectors.tick', everySeconds: this.tickMs / 1000, retryLimit: 0 },
        handler: () => this.tick(),
      },
      {
        definition: { name: 'connectors.poll-feed', retryLimit: 3, retryDelaySeconds: 1 },
        handler: (data) => this.pollFeed(data),
      },
    ];
  }

  start(): void {
    this.timer = setInterval(() => this.reconcileStreams(), this.tickMs).unref();
    this.reconcileStreams();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.reconciling;
    await this.streams.closeAll();
  }

  /** Looks at the tenant's connectors now rather than at the next tick. */
  kick(tenantId: string): void {
    void this.queueDueFeeds(tenantId)
      .then(() => this.streams.reconcile(tenantId))
      .catch((error) => logFailure('[connectors] kick failed', error, { tenantId }));
  }

  pollNow(tenantId: string, connectorId: string): Promise<void> {
    return this.feeds.pollOne(tenantId, connectorId);
  }

  private async tick(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes))
      for (const tenantId of page) {
        // One tenant's failure must not hold back the others' feeds.
        await this.queueDueFeeds(tenantId).catch((error) =>
          logFailure('[connectors] claiming due feeds failed', error, { tenantId }),
        );
        await this.prune(tenantId).catch((error) =>
          logFailure('[connectors] pruning deliveries failed', error, { tenantId }),
        );
      }
  }

  private async queueDueFeeds(tenantId: string): Promise<void> {
    for (const connectorId of await this.feeds.claimDue(tenantId))
      await this.jobs.send(
        'connectors.poll-feed',
        { tenantId, connectorId },
        {
          singletonKey: connectorId,
        },
      );
  }

  private async pollFeed({ tenantId, connectorId }: JobData): Promise<void> {
    if (typeof tenantId !== 'string' || typeof connectorId !== 'string')
      throw new Error('connectors.poll-feed needs a tenantId and a connectorId');
    await this.feeds.pollOne(tenantId, connectorId);
  }

  private reconcileStreams(): void {
    if (this.reconciling || this.stopped) return;
    this.reconciling = (async () => {
      for await (const page of tenantIdPages(this.scopes))
        for (const tenantId of page) {
          if (this.stopped) return;
          await this.streams
            .reconcile(tenantId)
            .catch((error) => logFailure('[connectors] streams failed', error, { tenantId }));
        }
    })()
      .catch((error) => logFailure('[connectors] stream reconciling failed', error))
      .finally(() => {
        this.reconciling = undefined;
      });
  }

  /** Meta delivery digests are kept 72 hours (DESIGN §4a asks for at least 36). */
  private async prune(tenantId: string): Promise<void> {
    if (Date.now() - (this.prunedAt.get(tenantId) ?? 0) < PRUNE_EVERY_MS) return;
    this.prunedAt.set(tenantId, Date.now());
    await inTenant(this.scopes, tenantId, (manager) =>
      manager.query(
        `DELETE FROM connector_delivery WHERE tenant_id = $1 AND received_at < now() - interval '72 hours'`,
        [tenantId],
      ),
    );
  }
}
