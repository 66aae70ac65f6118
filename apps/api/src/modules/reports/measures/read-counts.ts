import type { EntityManager } from 'typeorm';
import { readBrandVoiceCounts } from './brand-voice-counts.js';
import { readEmailCounts } from './email-counts.js';
import { readLeadCounts } from './lead-counts.js';
import { readMentionCounts } from './mention-counts.js';
import { CountsBook, type ReportScope } from './period-counts.js';
import { readSalesCounts } from './sales-counts.js';
import { readTrendCounts } from './trend-counts.js';

/**
 * Every count of the report for all tenants of the scope and both periods: one query per
 * measure, each grouping by tenant, whatever the number of tenants.
 */
export async function readCounts(manager: EntityManager, scope: ReportScope): Promise<CountsBook> {
  const book = new CountsBook(scope);
  for (const read of [
    readMentionCounts,
    readBrandVoiceCounts,
    readEmailCounts,
    readSalesCounts,
    readLeadCounts,
    readTrendCounts,
  ]) {
    await read(manager, scope, book);
  }
  return book;
}

/** Each tenant's reporting currency. The tenant table has no row policy: only ids in scope are read. */
export async function reportingCurrencies(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, string>> {
  const rows: Array<{ id: string; currency: string }> = await manager.query(
    'SELECT id, reporting_currency AS currency FROM tenant WHERE id = ANY ($1::uuid[])',
    [tenantIds],
  );
  return new Map(rows.map((row) => [row.id, row.currency]));
}
