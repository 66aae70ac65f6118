import { type QuintileScore, rfmSegment } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import { RFM_ACTIVITIES, RFM_COLUMNS, RfmBasis } from './rfm-basis.js';

/** The named segment of every (FM, R) pair, row-major as `rfmSegment` defines them: `[(fm-1)*5 + r]`. */
const SEGMENT_GRID: string[] = [1, 2, 3, 4, 5].flatMap((fm) =>
  [1, 2, 3, 4, 5].map((r) =>
    rfmSegment({ r: r as QuintileScore, f: fm as QuintileScore, m: fm as QuintileScore }),
  ),
);

/**
 * A quintile score exactly as the domain's `quintileScores` gives it: the value's mid-rank
 * percentile `(below + equal / 2) / n`, times five, rounded up, in integer arithmetic; ties
 * share a score. `order` ranks worse values first.
 */
const quintile = (order: string, partition: string) =>
  `(5 * (2 * (rank() OVER (ORDER BY ${order}) - 1) + count(*) OVER (PARTITION BY ${partition})) + 2 * n - 1) / (2 * n)`;

/**
 * Scores every contact of the tenant with activity of the basis in one statement (the
 * population is the tenant's, so one contact's new order can move others' quintiles), and
 * clears the scores of contacts that no longer have any. Returns how many were scored.
 */
export async function scoreTenantRfm(op: Operation, basis: RfmBasis, now: Date): Promise<number> {
  const { r, f, m, segment } = RFM_COLUMNS[basis];
  const [row] = await (await op.manager()).query(
    `WITH measures AS (
       SELECT contact_id,
              floor(extract(epoch FROM $2::timestamptz - max(at)) / 86400)::bigint AS recency,
              count(*)::bigint AS frequency, sum(value) AS monetary
       FROM (${RFM_ACTIVITIES[basis]}) activity GROUP BY contact_id
     ), counted AS (
       SELECT *, count(*) OVER () AS n FROM measures
     ), scored AS (
       SELECT contact_id,
              ${quintile('recency DESC', 'recency')} AS r,
              ${quintile('frequency', 'frequency')} AS f,
              ${quintile('monetary', 'monetary')} AS m
       FROM counted
     ), written AS (
       INSERT INTO contact_metrics AS cm (tenant_id, contact_id, ${r}, ${f}, ${m}, ${segment}, rfm_scored_at)
       SELECT $1, contact_id, r, f, m, ($3::text[])[((f + m + 1) / 2 - 1) * 5 + r], $2 FROM scored
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET
         ${r} = excluded.${r}, ${f} = excluded.${f}, ${m} = excluded.${m},
         ${segment} = excluded.${segment}, rfm_scored_at = excluded.rfm_scored_at
       RETURNING contact_id
     ), cleared AS (
       UPDATE contact_metrics SET ${r} = NULL, ${f} = NULL, ${m} = NULL, ${segment} = NULL
       WHERE tenant_id = $1 AND ${r} IS NOT NULL
         AND contact_id NOT IN (SELECT contact_id FROM measures)
     )
     SELECT count(*)::int AS scored FROM written`,
    [await op.tenantId(), now, SEGMENT_GRID],
  );
  return row.scored;
}

/** How many contacts each basis scored, and when. */
export interface RfmRecomputation {
  readonly purchasesScored: number;
  readonly engagementScored: number;
  readonly scoredAt: Date;
}

/** Both bases, as one recomputation. */
export async function scoreTenantRfmAll(
  op: Operation,
  now = new Date(),
): Promise<RfmRecomputation> {
  const purchasesScored = await scoreTenantRfm(op, RfmBasis.PURCHASES, now);
  const engagementScored = await scoreTenantRfm(op, RfmBasis.ENGAGEMENT, now);
  return { purchasesScored, engagementScored, scoredAt: now };
}
