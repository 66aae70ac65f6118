import { issueReason } from '@socialcrm/validation';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ImportCause, RowOutcome, RowProblem } from '../../platform/import/import-target.js';
import { TimelineCause } from '../timeline/index.js';

// The steps every batch of externally identified records (orders, email events) goes through.

/** A row that passed its schema, with its place in the batch. */
export interface Checked<R> {
  readonly index: number;
  readonly record: R;
}

/** A batch being decided: each row's outcome, filled in as the steps find it. */
export class BatchOutcomes<R extends { readonly externalId: string }> {
  private readonly outcomes: Array<RowOutcome | undefined>;
  /** The rows that passed their schema, first of their external id in the batch. */
  readonly firsts: Checked<R>[] = [];
  /** Later rows repeating an external id: they answer what its first row got. */
  private readonly repeats: Array<{ index: number; of: number }> = [];

  /** Checks each row against `schema`; a blank value (an empty CSV cell) counts as absent. */
  constructor(schema: z.ZodType<R>, rows: readonly Readonly<Record<string, unknown>>[]) {
    this.outcomes = rows.map(() => undefined);
    const firstOf = new Map<string, number>();
    rows.forEach((row, index) => {
      const parsed = schema.safeParse(withoutBlanks(row));
      if (!parsed.success) {
        this.outcomes[index] = {
          ok: false,
          problems: parsed.error.issues.map((issue) => ({
            field: issue.path.map(String).join('.') || 'row',
            message: issue.message,
            ...issueReason(issue),
          })),
        };
        return;
      }
      const first = firstOf.get(parsed.data.externalId);
      if (first === undefined) {
        firstOf.set(parsed.data.externalId, index);
        this.firsts.push({ index, record: parsed.data });
      } else this.repeats.push({ index, of: first });
    });
  }

  /** The first rows not decided yet. */
  pending(): Checked<R>[] {
    return this.firsts.filter(({ index }) => this.outcomes[index] === undefined);
  }

  refuse(index: number, problem: RowProblem): void {
    this.outcomes[index] = { ok: false, problems: [problem] };
  }

  accept(index: number, id: string, created: boolean): void {
    this.outcomes[index] = { ok: true, id, created };
  }

  /** One outcome per row, in order; a repeated external id changes nothing the second time. */
  finish(): RowOutcome[] {
    for (const { index, of } of this.repeats) {
      const first = this.outcomes[of] as RowOutcome;
      this.outcomes[index] = first.ok ? { ...first, created: false } : first;
    }
    return this.outcomes as RowOutcome[];
  }
}

function withoutBlanks(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'string' && !value.trim() ? undefined : value,
    ]),
  );
}

/** The tables of externally identified records (a constant, never input). */
type RecordTable = 'customer_order' | 'engagement_event';

/** Accepts, as unchanged, the batch's records whose external id `table` already holds. */
export async function acceptStored<R extends { readonly externalId: string }>(
  manager: EntityManager,
  table: RecordTable,
  tenantId: string,
  batch: BatchOutcomes<R>,
): Promise<void> {
  const stored = await storedIds(
    manager,
    table,
    tenantId,
    batch.firsts.map(({ record }) => record.externalId),
  );
  for (const { index, record } of batch.firsts) {
    const id = stored.get(record.externalId);
    if (id) batch.accept(index, id, false);
  }
}

/** The stored ids of the external ids already in `table`. */
async function storedIds(
  manager: EntityManager,
  table: RecordTable,
  tenantId: string,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (!externalIds.length) return new Map();
  const rows: Array<{ id: string; externalId: string }> = await manager.query(
    `SELECT id, external_id AS "externalId" FROM ${table}
     WHERE tenant_id = $1 AND external_id = ANY ($2::text[])`,
    [tenantId, externalIds],
  );
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

/**
 * Accepts the records just inserted (`insertedIds`) as created; one whose external id another
 * transaction stored meanwhile answers that stored record. Gives the inserted ones.
 */
export async function acceptInserted<
  R extends { readonly externalId: string },
  T extends Checked<R> & { readonly id: string },
>(
  manager: EntityManager,
  table: RecordTable,
  tenantId: string,
  batch: BatchOutcomes<R>,
  candidates: readonly T[],
  insertedIds: ReadonlySet<string>,
): Promise<T[]> {
  const written = candidates.filter((candidate) => insertedIds.has(candidate.id));
  const raced = candidates.filter((candidate) => !insertedIds.has(candidate.id));
  const theirs = await storedIds(
    manager,
    table,
    tenantId,
    raced.map(({ record }) => record.externalId),
  );
  for (const { index, record } of raced)
    batch.accept(index, theirs.get(record.externalId) as string, false);
  for (const { index, id } of written) batch.accept(index, id, true);
  return written;
}

/** What the timeline says caused records written in bulk. */
export const TIMELINE_CAUSE_OF: Record<ImportCause, TimelineCause> = {
  IMPORT: TimelineCause.IMPORT,
  API_KEY: TimelineCause.API_KEY,
  USER: TimelineCause.USER,
};
