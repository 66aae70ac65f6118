import type { RequestHandler } from 'express';
import type { AccessTokens } from '../auth/access-token.js';
import { TenantRole } from '../auth/roles.js';
import type { OperationScopes } from '../database/operation-scope.js';
import { logFailure } from '../errors/log-failure.js';
import { authoriseBulkCaller, type NdjsonLine, readNdjsonLines } from '../http/ndjson-request.js';
import { callerFields, operationFields } from '../logging/operation-fields.js';
import type { ImportTarget, RowOutcome, RowProblem } from './import-target.js';

const BATCH = 1000;
const MAX_LINE = 256 * 1024;
const MAX_BODY = 100 * 1024 * 1024;

/** What became of one line: STORED (new), UNCHANGED (known external id), REJECTED (see problems). */
type LineOutcome = 'STORED' | 'UNCHANGED' | 'REJECTED';

/**
 * A bulk NDJSON endpoint for an import target (orders, engagement events): one JSON object
 * per line, as the target's fields name them. The body is read line by line (a line at most
 * 256 kB, the body at most 100 MB); every 1,000 lines are written in a transaction of their
 * own and answered at once, `{ line, externalId, outcome, id, problems }` per line in input
 * order, then `{ summary }`. A bad line is refused on its own; sending the same lines again
 * changes nothing. Needs an API key (or user) with at least the AGENT role.
 */
export function ndjsonImportRoute(deps: {
  readonly scopes: OperationScopes;
  readonly tokens: AccessTokens;
  readonly target: ImportTarget;
}): RequestHandler {
  return async (req, res) => {
    const authorised = await authoriseBulkCaller(req, res, deps, TenantRole.AGENT, async () => {});
    if (!authorised) return;
    const { ctx } = authorised;
    const cause = ctx.principal.kind === 'apiKey' ? 'API_KEY' : 'USER';
    res.status(200).type('application/x-ndjson');
    const summary = { stored: 0, unchanged: 0, rejected: 0 };
    res.locals.logFields = { ...callerFields(ctx), entity: deps.target.entity, summary };
    const answer = (line: number, externalId: unknown, outcome: RowOutcome) => {
      const result = describe(outcome);
      summary[result.outcome.toLowerCase() as Lowercase<LineOutcome>] += 1;
      const id = typeof externalId === 'string' ? externalId : null;
      res.write(`${JSON.stringify({ line, externalId: id, ...result })}\n`);
    };
    const write = async (batch: NdjsonLine[]) => {
      const rows = batch.flatMap((entry) =>
        'item' in entry && isRecord(entry.item) ? [entry.item] : [],
      );
      const outcomes = rows.length
        ? await deps.scopes.run(ctx, (op) =>
            deps.target.writeBatch(op, rows, { dryRun: false, cause }),
          )
        : [];
      let row = 0;
      for (const entry of batch) {
        if ('rejection' in entry) answer(entry.line, null, refused('line', entry.rejection));
        else if (!isRecord(entry.item))
          answer(entry.line, null, refused('line', 'must be a JSON object'));
        else answer(entry.line, entry.item.externalId, outcomes[row++] as RowOutcome);
      }
    };
    try {
      let pending: NdjsonLine[] = [];
      for await (const read of readNdjsonLines(req, MAX_LINE, MAX_BODY)) {
        if ('cutOffAfterLine' in read) {
          await write(pending);
          pending = [];
          res.write(
            `${JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: `The body is over ${MAX_BODY} bytes: lines after line ${read.cutOffAfterLine} were not read` } })}\n`,
          );
          break;
        }
        pending.push(read);
        if (pending.length >= BATCH) {
          await write(pending);
          pending = [];
        }
      }
      await write(pending);
      res.end(`${JSON.stringify({ summary })}\n`);
    } catch (error) {
      // Lines already answered are committed; the rest were not written.
      logFailure('[api] NDJSON import failed', error, operationFields(ctx));
      res.end(
        `${JSON.stringify({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Import stopped; lines without a result were not written' } })}\n`,
      );
    }
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refused(field: string, message: string): RowOutcome {
  return { ok: false, problems: [{ field, message }] };
}

function describe(outcome: RowOutcome): {
  outcome: LineOutcome;
  id: string | null;
  problems: readonly RowProblem[];
} {
  if (!outcome.ok) return { outcome: 'REJECTED', id: null, problems: outcome.problems };
  return { outcome: outcome.created ? 'STORED' : 'UNCHANGED', id: outcome.id, problems: [] };
}
