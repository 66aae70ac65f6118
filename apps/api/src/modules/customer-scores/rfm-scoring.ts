import { type QuintileScore, rfmSegment } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import { holdDerivedContactData, type TenantRescored } from '../customer-upkeep/index.js';
import { RFM_COLUMNS, RfmBasis, rfmMeasures } from './rfm-basis.js';

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
 * clears the scores of contacts that no longer have any. Only rows whose scores changed are
 * written (`rfm_scored_at`: when they last changed), so a recomputation that moves little
 * writes little. Returns how many were scored.
 */
export async function scoreTenantRfm(op: Operation, basis: RfmBasis, now: Date): Promise<number> {
  const { r, f, m, segment, inputs } = RFM_COLUMNS[basis];
  const [row] = await (await op.manager()).query(
    `WITH measures AS (${rfmMeasures(basis)}), counted AS (
       SELECT *, count(*) OVER () AS n FROM measures
     ), scored AS (
       SELECT contact_id, inputs,
              ${quintile('recency DESC', 'recency')} AS r,
              ${quintile('frequency', 'frequency')} AS f,
              ${quintile('monetary', 'monetary')} AS m
       FROM counted
     ), written AS (
       INSERT INTO contact_metrics AS cm
         (tenant_id, contact_id, ${r}, ${f}, ${m}, ${segment}, ${inputs}, rfm_scored_at)
       SELECT $1, contact_id, r, f, m, ($3::text[])[((f + m + 1) / 2 - 1) * 5 + r], inputs, $2
       FROM scored
       ORDER BY contact_id -- rows locked in one order, as the upkeep's steps do
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET
         ${r} = excluded.${r}, ${f} = excluded.${f}, ${m} = excluded.${m},
         ${segment} = excluded.${segment}, ${inputs} = excluded.${inputs},
         rfm_scored_at = excluded.rfm_scored_at
       WHERE (cm.${r}, cm.${f}, cm.${m}, cm.${inputs})
         IS DISTINCT FROM (excluded.${r}, excluded.${f}, excluded.${m}, excluded.${inputs})
     ), cleared AS (
       UPDATE contact_metrics cm SET ${r} = NULL, ${f} = NULL, ${m} = NULL, ${segment} = NULL,
              ${inputs} = NULL, rfm_scored_at = $2
       WHERE cm.tenant_id = $1 AND cm.${r} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM measures WHERE measures.contact_id = cm.contact_id)
     )
     SELECT count(*)::int AS scored FROM scored`,
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

/** The segment fields a recomputation rewrites (the purchase basis's scores). */
const RESCORED_FIELDS = ['rfmRecency', 'rfmFrequency', 'rfmMonetary', 'rfmSegment'] as const;

/**
 * Both bases, as one recomputation, noted as the tenant's latest; the segments reading the
 * scores are told. It takes turns with the tenant's other recomputations and the upkeep (they
 * write the same rows in other orders).
 */
export async function scoreTenantRfmAll(
  op: Operation,
  rescored: TenantRescored,
  now = new Date(),
): Promise<RfmRecomputation> {
  const [manager, tenantId] = [await op.manager(), await op.tenantId()];
  await holdDerivedContactData(op);
  // A million contacts' measures sort and group in memory instead of spilling to disk.
  await manager.query(`SET LOCAL work_mem = '256MB'`);
  const purchasesScored = await scoreTenantRfm(op, RfmBasis.PURCHASES, now);
  const engagementScored = await scoreTenantRfm(op, RfmBasis.ENGAGEMENT, now);
  await manager.query(
    `INSERT INTO rfm_scoring (tenant_id, scored_at) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET scored_at = excluded.scored_at`,
    [tenantId, now],
  );
  await rescored(op, RESCORED_FIELDS);
  return { purchasesScored, engagementScored, scoredAt: now };
}
