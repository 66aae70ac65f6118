import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../../platform/database/tenant-pages.js';
import { logFailure } from '../../../platform/errors/log-failure.js';
import type { ConnectorRuntime } from '../connector.service.js';
import type { FeedPoller } from '../feeds/feed-poller.js';
import type { MastodonStreams } from '../mastodon/mastodon-streams.js';
import { inTenant } from './tenant-scope.js';

const PRUNE_EVERY_MS = 3600_000;

/**
 * The connectors' clock, in every replica. Each tick walks the tenants (RLS admits one
 * tenant per transaction, so due work is found tenant by tenant, like the outbox sweeper)
 * and, in each: claims due feeds, reconciles Mastodon streams, prunes old Meta delivery
 * digests. Claims and leases live in the connector rows, so replicas never double up.
 */
export class ConnectorScheduler implements ConnectorRuntime {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private readonly visiting = new Map<string, Promise<void>>();
  private readonly prunedAt = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly scopes: OperationScopes,
    private readonly feeds: FeedPoller,
    private readonly streams: MastodonStreams,
    private readonly tickMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.tickMs).unref();
    this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.ticking;
    await Promise.allSettled(this.visiting.values());
    await this.streams.closeAll();
  }

  kick(tenantId: string): void {
    void this.visit(tenantId);
  }

  pollNow(tenantId: string, connectorId: string): Promise<void> {
    return this.feeds.pollOne(tenantId, connectorId);
  }

  private tick(): void {
    if (this.ticking || this.stopped) return;
    this.ticking = this.walk()
      .catch((error) => logFailure('[connectors] tick failed', error))
      .finally(() => {
        this.ticking = undefined;
      });
  }

  private async walk(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes)) {
      for (const id of page) {
        if (this.stopped) return;
        await this.visit(id);
      }
    }
  }

  /** One tenant's work; visits of one tenant never overlap in this process. */
  private visit(tenantId: string): Promise<void> {
    const previous = this.visiting.get(tenantId) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.stopped) return;
      await this.feeds.pollDue(tenantId);
      await this.streams.reconcile(tenantId);
      await this.prune(tenantId);
    });
    const settled = next
      .catch((error) => logFailure(`[connectors] work of tenant ${tenantId} failed`, error))
      .finally(() => {
        if (this.visiting.get(tenantId) === settled) this.visiting.delete(tenantId);
      });
    this.visiting.set(tenantId, settled);
    return settled;
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
