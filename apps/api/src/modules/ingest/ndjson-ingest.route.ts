import type { Request, RequestHandler, Response } from 'express';
import type { AccessTokens } from '../../platform/auth/access-token.js';
import { TenantRole } from '../../platform/auth/roles.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import {
  authoriseBulkCaller,
  type NdjsonLine,
  readNdjsonLines,
} from '../../platform/http/ndjson-request.js';
import { callerFields, operationFields } from '../../platform/logging/operation-fields.js';
import { IngestOutcome, type IngestResult } from './ingest-result.type.js';
import type {
  IngestRules,
  MentionIngestionService,
  PreparedBatch,
} from './mention-ingestion.service.js';

const BATCH = 500;
const MAX_LINE = 64 * 1024;

/**
 * `POST /api/ingest/mentions`: NDJSON in, NDJSON out. The body is read line by line (never
 * buffered whole, a line at most 64 kB while it is read); every 500 lines are stored in a
 * transaction of their own and answered at once, one result line per input line in input
 * order, then a summary line. A line that is not JSON is rejected on its own. Needs an API
 * key (or user) with at least the AGENT role.
 */
export function ndjsonIngestRoute(deps: {
  scopes: OperationScopes;
  tokens: AccessTokens;
  ingestion: MentionIngestionService;
}): RequestHandler {
  return async (req, res) => {
    const authorised = await authorise(req, res, deps);
    if (!authorised) return;
    const { ctx, rules } = authorised;
    res.status(200).type('application/x-ndjson');
    const summary = { stored: 0, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 };
    // The request log names the caller and what the stream did.
    res.locals.logFields = { ...callerFields(ctx), summary };
    const answer = (line: number, result: Omit<IngestResult, 'index'>) => {
      summary[result.outcome.toLowerCase() as 'stored'] += 1;
      if (result.outcome !== IngestOutcome.REJECTED && !result.matched) summary.unmatched += 1;
      res.write(`${JSON.stringify({ line, ...result })}\n`);
    };
    let pending: NdjsonLine[] = [];
    // Each batch is understood (CPU) while the previous one is being stored (database), with
    // at most one batch in the database at a time.
    let storing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      const items = batch.flatMap((entry) => ('item' in entry ? [entry.item] : []));
      const prepared = deps.ingestion.prepare(items, rules);
      await storing;
      const stored = items.length ? storeBatch(deps, ctx, prepared) : Promise.resolve([]);
      storing = stored.then((results) => {
        const byItem = new Map(results.map(({ index, ...result }) => [index, result]));
        let itemIndex = 0;
        for (const entry of batch) {
          const result = 'item' in entry ? byItem.get(itemIndex++) : rejectedLine(entry.rejection);
          if (result) answer(entry.line, result);
        }
      });
      // Awaited by the next flush or at the end; marked handled so a failure cannot crash the process meanwhile.
      storing.catch(() => {});
    };
    try {
      for await (const read of readNdjsonLines(req, MAX_LINE)) {
        if ('line' in read) pending.push(read);
        if (pending.length >= BATCH) await flush();
      }
      await flush();
      await storing;
      res.end(`${JSON.stringify({ summary })}\n`);
    } catch (error) {
      // Lines already answered are committed; the rest were not stored.
      logFailure('[api] NDJSON ingest failed', error, operationFields(ctx));
      res.end(
        `${JSON.stringify({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Ingest stopped; lines without a result were not stored' } })}\n`,
      );
    }
  };
}

/**
 * The caller, checked (AGENT or higher in the tenant), and in the same transaction the rules
 * the whole request follows: brands compiled and the lead setting read once per request.
 */
async function authorise(
  req: Request,
  res: Response,
  deps: { scopes: OperationScopes; tokens: AccessTokens; ingestion: MentionIngestionService },
): Promise<{ ctx: RequestContext; rules: IngestRules } | null> {
  const authorised = await authoriseBulkCaller(req, res, deps, TenantRole.AGENT, (op) =>
    deps.ingestion.rules(op),
  );
  return authorised && { ctx: authorised.ctx, rules: authorised.loaded };
}

/** One batch in one transaction, committed before answering (the feed dispatch follows). */
async function storeBatch(
  deps: { scopes: OperationScopes; ingestion: MentionIngestionService },
  ctx: RequestContext,
  prepared: PreparedBatch,
) {
  return deps.scopes.run(ctx, (op) => deps.ingestion.store(op, prepared));
}

function rejectedLine(message: string): Omit<IngestResult, 'index'> {
  return {
    externalId: null,
    outcome: IngestOutcome.REJECTED,
    mentionId: null,
    matched: false,
    problems: [{ field: 'line', message }],
  };
}
