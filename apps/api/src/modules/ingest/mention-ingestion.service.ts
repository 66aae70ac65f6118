import {
  analyzeSentiment,
  type BrandMatcher,
  compileBrandMatcher,
  estimateReach,
} from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import { identityKey, type KnownIdentity, type SocialIdentities } from '../contacts/index.js';
import type { MentionFeedService } from '../live-feed/index.js';
import { SentimentLabel } from '../mentions/index.js';
import {
  type IngestMention,
  ingestMentionSchema,
  MAX_INGEST_BATCH,
} from './ingest-mention.input.js';
import { countIngested } from './ingest-metrics.js';
import { IngestOutcome, type IngestResult } from './ingest-result.type.js';
import { INGEST_RULES, UPSERT_MENTIONS, upsertMentionsParams } from './ingest-statements.js';

interface Enriched {
  readonly index: number;
  readonly mention: IngestMention;
  readonly handle: string;
  readonly brandIds: string[];
  readonly language: string;
  readonly sentimentScore: number;
  readonly sentiment: SentimentLabel;
  readonly reach: number;
}

const LABELS = {
  positive: SentimentLabel.POSITIVE,
  neutral: SentimentLabel.NEUTRAL,
  negative: SentimentLabel.NEGATIVE,
};

/**
 * Stores a batch of posts in the operation's transaction, idempotent on (tenant, channel,
 * external id): a re-delivery changes nothing, an edit updates. Posts are understood first
 * (brands, language, sentiment, reach); matched ones enter the outbox, and the feed is
 * dispatched once the transaction has committed.
 */
export class MentionIngestionService {
  constructor(
    private readonly feed: MentionFeedService,
    private readonly identities: SocialIdentities,
  ) {}

  async ingest(op: Operation, items: readonly unknown[]): Promise<IngestResult[]> {
    if (items.length > MAX_INGEST_BATCH) {
      throw badUserInput([
        { field: 'input', message: `must have at most ${MAX_INGEST_BATCH} mentions` },
      ]);
    }
    return this.store(op, this.prepare(items, await this.rules(op)));
  }

  /**
   * The tenant's brands, compiled for matching, and whether new authors become leads, in one
   * read; a bulk ingest reads them once.
   */
  async rules(op: Operation): Promise<IngestRules> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const rows: Array<BrandRow & { autoCreatesLeads: boolean }> = await manager.query(
      INGEST_RULES,
      [tenantId],
    );
    return {
      matcher: compileBrandMatcher(rows.filter((row) => row.id !== null)),
      autoCreatesLeads: rows[0]?.autoCreatesLeads === true,
    };
  }

  /**
   * The CPU half, without the database: validation and understanding (brands, language,
   * sentiment, reach). A bulk ingest prepares the next batch while the last one is stored.
   */
  prepare(items: readonly unknown[], rules: IngestRules): PreparedBatch {
    const results: IngestResult[] = [];
    const enriched = this.enrich(this.validate(items, results), rules.matcher);
    return { results, enriched, autoCreatesLeads: rules.autoCreatesLeads };
  }

  /** The database half, in the operation's transaction; the feed is dispatched after commit. */
  async store(
    op: Operation,
    { results, enriched, autoCreatesLeads }: PreparedBatch,
  ): Promise<IngestResult[]> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const authors = await this.identities.upsertAuthors(op, authorsOf(enriched));
    if (autoCreatesLeads) await this.identities.makeLeads(op, authors.values());
    const stored = await this.upsertMentions(manager, tenantId, enriched, authors);
    await this.identities.recordMentions(
      op,
      enriched.flatMap((item) => {
        const contactId = authors.get(authorKey(item))?.contactId;
        const row = stored.get(key(item.mention));
        return contactId && row?.outcome === IngestOutcome.STORED
          ? [
              {
                contactId,
                mentionId: row.id,
                channel: item.mention.channel,
                body: item.mention.text,
                occurredAt: item.mention.publishedAt,
              },
            ]
          : [];
      }),
    );
    if ([...stored.values()].some((row) => row.queued))
      await op.afterCommit(async () => this.feed.scheduleDispatch(tenantId));
    const answered = [...results];
    for (const item of enriched) {
      const row = stored.get(key(item.mention));
      answered[item.index] = {
        index: item.index,
        externalId: item.mention.externalId,
        outcome: row?.outcome ?? IngestOutcome.UNCHANGED,
        mentionId: row?.id ?? null,
        matched: item.brandIds.length > 0,
        problems: [],
      };
    }
    countIngested(answered);
    return answered;
  }

  /** Invalid items are answered with their problems; of repeats in one batch the last wins. */
  private validate(
    items: readonly unknown[],
    results: IngestResult[],
  ): Array<{ index: number; mention: IngestMention }> {
    const lastIndexOf = new Map<string, number>();
    const accepted: Array<{ index: number; mention: IngestMention }> = [];
    items.forEach((item, index) => {
      const parsed = ingestMentionSchema.safeParse(item);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || 'mention',
          message: issue.message,
        }));
        results[index] = rejected(index, externalIdOf(item), problems);
        return;
      }
      accepted.push({ index, mention: parsed.data });
      lastIndexOf.set(key(parsed.data), index);
    });
    return accepted.filter(({ index, mention }) => {
      if (lastIndexOf.get(key(mention)) === index) return true;
      results[index] = rejected(index, mention.externalId, [
        { field: 'externalId', message: 'is repeated later in the same batch' },
      ]);
      return false;
    });
  }

  private enrich(
    accepted: ReadonlyArray<{ index: number; mention: IngestMention }>,
    matcher: BrandMatcher,
  ): Enriched[] {
    return accepted.map(({ index, mention }) => {
      const sentiment = analyzeSentiment(mention.text);
      return {
        index,
        mention,
        handle: mention.author.handle.replace(/^@/, '').toLowerCase(),
        brandIds: matcher.match(mention.text),
        language: sentiment.language,
        sentimentScore: sentiment.score,
        sentiment: LABELS[sentiment.label],
        reach: estimateReach({
          followers: mention.author.followers ?? undefined,
          ...withoutNulls(mention.metrics),
        }),
      };
    });
  }

  private async upsertMentions(
    manager: EntityManager,
    tenantId: string,
    items: readonly Enriched[],
    authors: ReadonlyMap<string, KnownIdentity>,
  ): Promise<Map<string, StoredMention>> {
    if (!items.length) return new Map();
    const rows: Array<{
      id: string;
      channel: string;
      external_id: string;
      inserted: boolean;
      matched: boolean;
    }> = await manager.query(
      UPSERT_MENTIONS,
      upsertMentionsParams(
        tenantId,
        items.map((item) => ({
          channel: item.mention.channel,
          externalId: item.mention.externalId,
          url: item.mention.url ?? null,
          body: item.mention.text,
          authorId: authors.get(authorKey(item))?.id ?? null,
          brandIds: item.brandIds,
          language: item.language,
          sentimentScore: item.sentimentScore,
          sentiment: item.sentiment,
          reach: item.reach,
          publishedAt: item.mention.publishedAt,
        })),
      ),
    );
    const stored = new Map(
      rows.map((row) => [
        `${row.channel}\u0000${row.external_id}`,
        {
          id: row.id,
          outcome: row.inserted ? IngestOutcome.STORED : IngestOutcome.UPDATED,
          queued: row.matched,
        },
      ]),
    );
    const unchanged = items.filter((item) => !stored.has(key(item.mention)));
    if (unchanged.length) {
      const known: Array<{ id: string; channel: string; external_id: string }> =
        await manager.query(
          `SELECT id, channel, external_id FROM mention
         WHERE tenant_id = $1 AND (channel, external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [
            tenantId,
            unchanged.map((i) => i.mention.channel),
            unchanged.map((i) => i.mention.externalId),
          ],
        );
      for (const row of known)
        stored.set(`${row.channel}\u0000${row.external_id}`, {
          id: row.id,
          outcome: IngestOutcome.UNCHANGED,
          queued: false,
        });
    }
    return stored;
  }
}

/** What a tenant's ingest follows: its brands, and whether new authors become leads. */
export interface IngestRules {
  readonly matcher: BrandMatcher;
  readonly autoCreatesLeads: boolean;
}

/** A batch validated and understood, ready to store. */
export interface PreparedBatch {
  readonly results: IngestResult[];
  readonly enriched: readonly Enriched[];
  readonly autoCreatesLeads: boolean;
}

interface StoredMention {
  readonly id: string;
  readonly outcome: IngestOutcome;
  /** Entered the outbox (stored or edited, and matching a brand). */
  readonly queued: boolean;
}

type BrandRow = Parameters<typeof compileBrandMatcher>[0][number];

const authorKey = (item: Enriched) => identityKey(item.mention.channel, item.handle);

/** The batch's authors, once each. */
function authorsOf(items: readonly Enriched[]) {
  const byKey = new Map(items.map((item) => [authorKey(item), item]));
  return [...byKey.values()].map((item) => ({
    channel: item.mention.channel,
    handle: item.handle,
    displayName: item.mention.author.displayName ?? null,
    followers: item.mention.author.followers ?? null,
  }));
}

const key = (mention: Pick<IngestMention, 'channel' | 'externalId'>) =>
  `${mention.channel}\u0000${mention.externalId}`;

function rejected(
  index: number,
  externalId: string | null,
  problems: IngestResult['problems'],
): IngestResult {
  return {
    index,
    externalId,
    outcome: IngestOutcome.REJECTED,
    mentionId: null,
    matched: false,
    problems,
  };
}

function externalIdOf(item: unknown): string | null {
  const value = (item as { externalId?: unknown } | null)?.externalId;
  return typeof value === 'string' ? value : null;
}

function withoutNulls<T extends object>(
  values: T | null | undefined,
): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter(([, value]) => value !== null && value !== undefined),
  ) as never;
}
