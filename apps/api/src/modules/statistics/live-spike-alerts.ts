import type { RequestContext } from '../../platform/context/request-context.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { MentionFeedService, TenantFeedChannels } from '../live-feed/index.js';
import { endOnRefusal, FeedSubscriber } from '../live-feed/index.js';
import type { MentionStatsService } from './mention-stats.service.js';
import type { VolumePoint } from './mention-stats.type.js';
import { StatsBucket } from './stats-period.js';

const DAY_MS = 86_400_000;
/** Days of history the detector sees: its 14-day window plus a margin. */
const HISTORY_DAYS = 20;
/** New mentions wake the check, at most this often per subscriber. */
const MIN_INTERVAL_MS = 2_000;

/**
 * Spike alerts, live: whenever new mentions arrive, today's volume is judged against the
 * trailing days with the domain's detector (the same as `mentionStats`), and a spike is sent
 * once per day and subscriber. Reads run as the subscriber; losing access ends the stream.
 */
export class LiveSpikeAlerts {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly feed: MentionFeedService,
    private readonly stats: MentionStatsService,
    private readonly channels: TenantFeedChannels,
  ) {}

  async open(ctx: RequestContext, brandIds: string[] | null): Promise<AsyncGenerator<VolumePoint>> {
    const head = await this.feed.headInOwnTransaction(ctx);
    return this.follow(ctx, brandIds, head);
  }

  private async *follow(
    ctx: RequestContext,
    brandIds: string[] | null,
    head: string,
  ): AsyncGenerator<VolumePoint> {
    const member = new FeedSubscriber(ctx);
    member.wake(); // judge today once at the start
    const { leave } = this.channels.join(ctx.requestedTenantId ?? '', head, member);
    let alerted: number | null = null;
    try {
      while (!member.ended) {
        if (!member.woken) {
          await member.sleep();
          continue;
        }
        member.woken = false;
        const today = await this.today(ctx, brandIds).catch(endOnRefusal);
        if (today === null) return;
        if (today?.spike && today.bucketStart.getTime() !== alerted) {
          alerted = today.bucketStart.getTime();
          yield today;
        }
        await new Promise((resolve) => setTimeout(resolve, MIN_INTERVAL_MS));
      }
    } finally {
      leave();
    }
  }

  /** Today's bucket, judged against the trailing days, read in a transaction of its own as the subscriber. */
  private async today(
    ctx: RequestContext,
    brandIds: string[] | null,
  ): Promise<VolumePoint | undefined> {
    const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS);
    const period = {
      from: new Date(to.getTime() - HISTORY_DAYS * DAY_MS),
      to,
      bucket: StatsBucket.DAY,
    };
    const stats = await this.scopes.run(ctx, (op) =>
      this.stats.stats(op, period, brandIds ? { brandIds } : null),
    );
    return stats.volume.at(-1);
  }
}
