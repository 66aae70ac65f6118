import { systemContext } from '../../../platform/context/request-context.js';
import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import { logFailure } from '../../../platform/errors/log-failure.js';
import type { MentionIngestionService } from '../mention-ingestion.service.js';
import { type BrandReferences, generatePosts } from './generated-posts.js';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 90;
const HISTORY_POSTS = 1_500;
const BATCH = 500;
/** A fifth of the history lands on one day, twelve days ago: the spike the dashboard flags. */
const SPIKE_DAYS_AGO = 12;
const SPIKE_EVERY = 5;
/** The trickle cycles through this many generated posts per tenant. */
const TRICKLE_POOL = 400;

/** A demo tenant and how people name its own brand and its competitor. */
export interface DemoTenant {
  readonly id: string;
  readonly seed: number;
  readonly references: BrandReferences;
}

/** The same names in every language: the demo brands track them as keywords, tags and handles. */
export function sameInEveryLanguage(...brands: (readonly string[])[]): BrandReferences {
  return { en: brands, es: brands, pt: brands, ru: brands };
}

/**
 * The demo's mentions, through the product's own ingestion (matching, sentiment, reach,
 * authors as contacts): a 90-day history at first start, and a trickle while the demo runs.
 */
export class DemoMentions {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly ingestion: MentionIngestionService,
  ) {}

  async seedHistory(tenants: readonly DemoTenant[], now = Date.now()): Promise<void> {
    for (const tenant of tenants) {
      const posts = generatePosts(HISTORY_POSTS, {
        references: tenant.references,
        seed: tenant.seed,
        matchedShare: 0.75,
        prefix: `demo-${tenant.seed}`,
        start: now - HISTORY_DAYS * DAY_MS,
        spacingMs: (HISTORY_DAYS * DAY_MS) / HISTORY_POSTS,
      });
      const spikeStart = now - SPIKE_DAYS_AGO * DAY_MS;
      for (const [index, post] of posts.entries()) {
        if (index % SPIKE_EVERY === 0)
          post.publishedAt = new Date(spikeStart + (index / HISTORY_POSTS) * DAY_MS).toISOString();
      }
      for (let start = 0; start < posts.length; start += BATCH)
        await this.ingest(tenant.id, posts.slice(start, start + BATCH));
    }
  }

  /** One new mention per tenant every `seconds`, by varied authors; returns the stop function. */
  startTrickle(tenants: readonly DemoTenant[], seconds: number): () => void {
    const pools = tenants.map((tenant) => ({
      tenant,
      posts: generatePosts(TRICKLE_POOL, {
        references: tenant.references,
        seed: tenant.seed * 7919,
        matchedShare: 0.9,
      }),
    }));
    let round = 0;
    const timer = setInterval(() => {
      round += 1;
      for (const { tenant, posts } of pools) {
        const post = posts[round % posts.length];
        if (!post) continue;
        const live = {
          ...post,
          externalId: `demo-live-${tenant.seed}-${Date.now()}`,
          publishedAt: new Date().toISOString(),
        };
        void this.ingest(tenant.id, [live]).catch((error) =>
          logFailure('[demo] a trickled mention failed', error),
        );
      }
    }, seconds * 1000);
    return () => clearInterval(timer);
  }

  private async ingest(tenantId: string, posts: readonly unknown[]): Promise<void> {
    await this.scopes.run(systemContext(tenantId), (op) => this.ingestion.ingest(op, posts));
  }
}
