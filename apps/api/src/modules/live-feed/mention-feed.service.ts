import { type RequestContext, systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../platform/database/tenant-pages.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { MentionType } from '../mentions/index.js';
import { type MentionRow, toMention } from '../mentions/index.js';
import {
  feedDispatchScript,
  liveFeedReadersScript,
  READ_FEED,
  readFeedScript,
} from './feed-statements.js';
import type { FeedSignals } from './signals/feed-signals.js';

/** One entry of the feed, exactly as the subscription delivers it (`cursor` is its seq). */
export interface FeedEntry {
  readonly cursor: string;
  readonly kind: 'CREATED' | 'UPDATED';
  readonly mention: MentionType;
}

/** Entries one dispatch appended to a tenant's feed, right after its previous head `after`. */
export interface DispatchedEntries {
  readonly after: string;
  readonly head: string;
  readonly entries: readonly FeedEntry[];
}

/** This process's readers of tenants' feeds, as a dispatch sees them. */
export interface LocalFeedReaders {
  /** Whether anyone here follows the tenant's feed (else a dispatch fetches no entries). */
  follow(tenantId: string): boolean;
  accept(tenantId: string, dispatched: DispatchedEntries): void;
}

/** Who holds a subscription, as far as re-checking their right to it goes. */
export type FeedReader =
  | { readonly kind: 'user'; readonly userId: string; readonly sessionId: string }
  | { readonly kind: 'apiKey'; readonly apiKeyId: string };

/**
 * The mention feed: committed outbox rows become an ordered per-tenant log (seq assigned under
 * the tenant's lock, so in commit order), then a signal says "there is more".
 */
export class MentionFeedService {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly signals: FeedSignals,
  ) {}

  private readonly dispatching = new Map<string, { rerun: boolean }>();
  private localReaders?: LocalFeedReaders;

  /**
   * Dispatches soon, off the caller's path: bursts of commits for one tenant coalesce into one
   * running dispatch and at most one more. Nothing is lost if the process dies first: the
   * outbox keeps the rows and the sweeper moves them.
   */
  scheduleDispatch(tenantId: string): void {
    const running = this.dispatching.get(tenantId);
    if (running) {
      running.rerun = true;
      return;
    }
    const state = { rerun: false };
    this.dispatching.set(tenantId, state);
    void (async () => {
      try {
        do {
          state.rerun = false;
          await this.dispatch(tenantId);
        } while (state.rerun);
      } catch (error) {
        logFailure('[api] feed dispatch failed; the sweeper will retry', error);
      } finally {
        this.dispatching.delete(tenantId);
      }
    })();
  }

  /**
   * Moves the tenant's outbox into its feed, hands the new entries to this process's readers
   * (they need not read back what was just written) and signals every replica. Safe to call
   * any time.
   */
  async dispatch(tenantId: string): Promise<void> {
    const withEntries = this.localReaders?.follow(tenantId) ?? false;
    const [, moved] = await this.scopes.script(
      systemContext(tenantId),
      feedDispatchScript(tenantId, withEntries),
    );
    const rows = (moved ?? []) as Array<FeedRow & { after: string }>;
    const last = rows.at(-1);
    if (!last) return;
    const dispatched = { after: last.after, head: last.seq, entries: toEntries(rows) };
    if (withEntries) this.localReaders?.accept(tenantId, dispatched);
    // The dispatch is done; a lost signal only delays other replicas until their next poll.
    await this.signals
      .publish({ tenantId, seq: dispatched.head })
      .catch((error) => logFailure('[api] feed signal not sent', error));
  }

  /** Where this process's dispatches go first: its feed channels. */
  handOffTo(readers: LocalFeedReaders): void {
    this.localReaders = readers;
  }

  /** The latest seq of the tenant's feed, read in `op` (so authorised as its caller). */
  async head(op: Operation): Promise<string> {
    const [row] = await (await op.manager()).query(
      'SELECT coalesce(max(seq), 0)::text AS seq FROM mention_feed WHERE tenant_id = $1',
      [await op.tenantId()],
    );
    return row.seq as string;
  }

  /** The head read as an operation of its own (a subscription outlives any operation). */
  headInOwnTransaction(request: RequestContext): Promise<string> {
    return this.scopes.run(request, (op) => this.head(op));
  }

  /**
   * Entries after `cursor`, oldest first, read in a transaction of their own as `ctx`: every
   * read re-checks the session and the membership, so a revoked subscriber stops here.
   */
  async readAfter(request: RequestContext, cursor: string, limit: number): Promise<FeedEntry[]> {
    return this.scopes.run(request, async (op) =>
      toEntries(await (await op.manager()).query(READ_FEED, [await op.tenantId(), cursor, limit])),
    );
  }

  /** `readAfter` for the process's own reader of a tenant's feed, in one round trip. */
  async readAfterAsSystem(tenantId: string, cursor: string, limit: number): Promise<FeedEntry[]> {
    const [rows] = await this.scopes.script(
      systemContext(tenantId),
      readFeedScript(tenantId, cursor, limit),
    );
    return toEntries((rows ?? []) as FeedRow[]);
  }

  /**
   * Which of the tenant's feed readers may still read: live session (or unrevoked key) and
   * still working in the tenant. One round trip for all of them, so a process holding many
   * subscriptions re-checks them all every second cheaply.
   */
  async stillAllowed(tenantId: string, readers: readonly FeedReader[]): Promise<boolean[]> {
    const sessions = readers.flatMap((reader) => (reader.kind === 'user' ? [reader] : []));
    const keys = readers.flatMap((reader) => (reader.kind === 'apiKey' ? [reader.apiKeyId] : []));
    const [rows] = await this.scopes.script(
      systemContext(tenantId),
      liveFeedReadersScript(tenantId, sessions, keys),
    );
    const allowed = new Set(((rows ?? []) as Array<{ reader: string }>).map((row) => row.reader));
    return readers.map((reader) =>
      allowed.has(reader.kind === 'user' ? reader.sessionId : reader.apiKeyId),
    );
  }

  /**
   * Dispatches outbox rows left behind by a crash between a commit and its dispatch, tenant
   * by tenant: the `live-feed.sweep` job, run once per half minute across all replicas.
   */
  async sweep(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes)) {
      // One tenant's failure must not hold back the others' outboxes.
      for (const tenantId of page)
        await this.dispatch(tenantId).catch((error) =>
          logFailure('[api] outbox sweep failed for a tenant', error, { tenantId }),
        );
    }
  }
}

type FeedRow = MentionRow & { seq: string; kind: FeedEntry['kind'] };

/** As the feed is read: an entry whose mention is gone is skipped. */
function toEntries(rows: readonly FeedRow[]): FeedEntry[] {
  return rows.flatMap((row) =>
    row.id ? [{ cursor: row.seq, kind: row.kind, mention: toMention(row) }] : [],
  );
}
