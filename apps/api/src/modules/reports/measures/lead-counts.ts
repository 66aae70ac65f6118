import type { EntityManager } from 'typeorm';
import { type CountsBook, type ReportScope, scopeParams } from './period-counts.js';

/** Stages a lead has converted to: a customer, or one who went on to recommend. */
const CONVERTED_STAGES = ['customer', 'advocate'];

/**
 * The leads of both periods (contacts created in the period) and how many of them are
 * customers now, for every tenant of the scope. Read from the contact's current
 * `lifecycle_stage`: a lead that became a customer and has since churned no longer counts
 * as converted (the stage history is not read here).
 */
export async function readLeadCounts(
  manager: EntityManager,
  scope: ReportScope,
  book: CountsBook,
): Promise<void> {
  const rows: Array<{ tenant_id: string; current: boolean; leads: number; converted: number }> =
    await manager.query(
      `SELECT c.tenant_id, c.created_at >= $3 AS current, count(*)::int AS leads,
              count(*) FILTER (WHERE c.lifecycle_stage = ANY ($5::text[]))::int AS converted
       FROM contact c
       WHERE c.tenant_id = ANY ($1::uuid[]) AND c.created_at >= $2 AND c.created_at < $4
       GROUP BY 1, 2`,
      [...scopeParams(scope), CONVERTED_STAGES],
    );
  for (const row of rows) {
    const counts = book.at(row.tenant_id, row.current);
    counts.leads = row.leads;
    counts.convertedLeads = row.converted;
  }
}
