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
export const RFM_ACTIVITIES: Record<RfmBasis, string> = {
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

/** Where each basis's scores are kept on `contact_metrics`. */
export const RFM_COLUMNS: Record<RfmBasis, { r: string; f: string; m: string; segment: string }> = {
  [RfmBasis.PURCHASES]: { r: 'rfm_r', f: 'rfm_f', m: 'rfm_m', segment: 'rfm_segment' },
  [RfmBasis.ENGAGEMENT]: {
    r: 'engagement_rfm_r',
    f: 'engagement_rfm_f',
    m: 'engagement_rfm_m',
    segment: 'engagement_rfm_segment',
  },
};
