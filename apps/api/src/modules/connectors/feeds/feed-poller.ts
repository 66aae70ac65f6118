import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import { logFailure } from '../../../platform/errors/log-failure.js';
import type { MentionIngestionService } from '../../ingest/index.js';
import { MAX_INGEST_BATCH } from '../../ingest/index.js';
import { rssSettingsSchema } from '../connector-settings.js';
import { problemOf, recordFailure, recordSuccess } from '../runtime/connector-health.js';
import { inTenant } from '../runtime/tenant-scope.js';
import { fetchFeed } from './feed-fetch.js';
import { parseFeed } from './feed-parser.js';

interface ClaimedFeed {
  readonly id: string;
  readonly settings: Record<string, unknown>;
  readonly etag: string | null;
  readonly last_modified: string | null;
}

/** Feeds claimed per tenant and tick, polled concurrently. */
const CLAIM_BATCH = 10;
/**
 * A claim pushes next_poll_at this far ahead: no other replica takes the feed meanwhile,
 * and a replica that dies mid-poll only delays the feed by this much.
 */
const LEASE = "interval '5 minutes'";

const RETURNING = 'RETURNING id, settings, etag, last_modified';

/** Polls RSS and Atom connectors: claim, conditional GET, parse, ingest, record health. */
export class FeedPoller {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly ingestion: MentionIngestionService,
    private readonly allowPrivate: boolean,
  ) {}

  /**
   * Claims the tenant's due feeds (SKIP LOCKED: replicas never wait on each other) for a
   * lease, and answers their ids: each is then polled by a job of its own.
   */
  async claimDue(tenantId: string): Promise<string[]> {
    const claimed = await inTenant(this.scopes, tenantId, async (manager) => {
      const [rows]: [ClaimedFeed[], number] = await manager.query(
        `UPDATE connector SET next_poll_at = now() + ${LEASE}
         WHERE tenant_id = $1 AND id IN (
           SELECT id FROM connector
           WHERE tenant_id = $1 AND kind = 'RSS' AND status <> 'PAUSED' AND next_poll_at <= now()
           ORDER BY next_poll_at LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED)
         ${RETURNING}`,
        [tenantId],
      );
      return rows;
    });
    return claimed.map((feed) => feed.id);
  }

  /** Polls one feed now, due or not (a job that polls a claimed feed, or the admin's "check now"). */
  async pollOne(tenantId: string, connectorId: string): Promise<void> {
    const [feed] = await inTenant(this.scopes, tenantId, async (manager) => {
      const [rows]: [ClaimedFeed[], number] = await manager.query(
        `UPDATE connector SET next_poll_at = now() + ${LEASE}
         WHERE tenant_id = $1 AND id = $2 AND kind = 'RSS' AND status <> 'PAUSED'
         ${RETURNING}`,
        [tenantId, connectorId],
      );
      return rows;
    });
    if (feed) await this.poll(tenantId, feed);
  }

  private async poll(tenantId: string, feed: ClaimedFeed): Promise<void> {
    const settings = rssSettingsSchema.parse(feed.settings);
    try {
      const response = await fetchFeed(
        settings.feedUrl,
        { etag: feed.etag, lastModified: feed.last_modified },
        this.allowPrivate,
      );
      const items = response.notModified ? [] : parseFeed(response.body, settings.channel);
      await inTenant(this.scopes, tenantId, async (manager, op) => {
        for (let start = 0; start < items.length; start += MAX_INGEST_BATCH)
          await this.ingestion.ingest(op, items.slice(start, start + MAX_INGEST_BATCH));
        await recordSuccess(manager, tenantId, feed.id, {
          nextInSeconds: settings.pollIntervalSeconds,
          ...(response.notModified ? {} : { validators: response.validators }),
        });
      });
    } catch (error) {
      await inTenant(this.scopes, tenantId, (manager) =>
        recordFailure(
          manager,
          tenantId,
          feed.id,
          problemOf(error, feed.id),
          settings.pollIntervalSeconds,
        ),
      ).catch((recordError) =>
        logFailure('[connectors] cannot record a feed failure', recordError),
      );
    }
  }
}
