import { registerEnumType } from 'type-graphql';

/** What RFM measures: purchases (the classic), or engagement with the brand's emails and posts. */
export enum RfmBasis {
  PURCHASES = 'PURCHASES',
  ENGAGEMENT = 'ENGAGEMENT',
}

registerEnumType(RfmBasis, {
  name: 'RfmBasis',
  description:
    'PURCHASES: days since the last order, number of orders, money spent (reporting currency). ENGAGEMENT: days since the last email open or click or mention, how many there were, and their points (open 1, mention 2, click 3).',
});

/** Each basis's activities (contact, instant, value) up to `$2`, of tenant `$1`. */
const RFM_ACTIVITIES: Record<RfmBasis, string> = {
  [RfmBasis.PURCHASES]: `
    SELECT contact_id, ordered_at AS at, reporting_amount AS value FROM customer_order
    WHERE tenant_id = $1 AND contact_id IS NOT NULL AND ordered_at <= $2`,
  [RfmBasis.ENGAGEMENT]: `
    SELECT contact_id, occurred_at AS at, CASE kind WHEN 'CLICKED' THEN 3 ELSE 1 END::numeric AS value
    FROM engagement_event
    WHERE tenant_id = $1 AND contact_id IS NOT NULL AND kind IN ('OPENED', 'CLICKED') AND occurred_at <= $2
    UNION ALL
    SELECT contact_id, occurred_at, 2::numeric FROM timeline_event
    WHERE tenant_id = $1 AND contact_id IS NOT NULL AND kind = 'MENTION' AND occurred_at <= $2`,
};

/** Where each basis's scores, and the measures they were computed from, are kept on `contact_metrics`. */
export const RFM_COLUMNS: Record<
  RfmBasis,
  { r: string; f: string; m: string; segment: string; inputs: string }
> = {
  [RfmBasis.PURCHASES]: {
    r: 'rfm_r',
    f: 'rfm_f',
    m: 'rfm_m',
    segment: 'rfm_segment',
    inputs: 'rfm_inputs',
  },
  [RfmBasis.ENGAGEMENT]: {
    r: 'engagement_rfm_r',
    f: 'engagement_rfm_f',
    m: 'engagement_rfm_m',
    segment: 'engagement_rfm_segment',
    inputs: 'engagement_rfm_inputs',
  },
};

/**
 * Each contact's measures on the basis (of tenant `$1` at `$2`, narrowed by `where`): whole days
 * since the latest activity, how many, their value, and `inputs`, what they were computed from
 * (latest instant, count, value) as text, so the upkeep can tell whether a contact's activity
 * changed since it was scored.
 */
export const rfmMeasures = (basis: RfmBasis, where = '') => `
  SELECT contact_id,
         floor(extract(epoch FROM $2::timestamptz - max(at)) / 86400)::bigint AS recency,
         count(*)::bigint AS frequency, sum(value) AS monetary,
         concat_ws('|', extract(epoch FROM max(at)), count(*), sum(value)) AS inputs
  FROM (${RFM_ACTIVITIES[basis]}) activity ${where}
  GROUP BY contact_id`;
