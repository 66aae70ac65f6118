import type { QuintileScore } from './quintile-score.js';

/** Identifiers of the eleven named RFM segments, best first. */
export const RFM_SEGMENT_IDS = [
  'champions',
  'loyal_customers',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;

/** One of the named RFM segments. */
export type RfmSegmentId = (typeof RFM_SEGMENT_IDS)[number];

/** What a named RFM segment means and what to do about it. */
export interface RfmSegmentDefinition {
  readonly id: RfmSegmentId;
  readonly label: string;
  readonly description: string;
  readonly action: string;
}

/** The named RFM segments with a one-line description and a suggested action each. */
export const RFM_SEGMENTS: Readonly<Record<RfmSegmentId, RfmSegmentDefinition>> = {
  champions: {
    id: 'champions',
    label: 'Champions',
    description: 'Bought very recently, buy often and spend the most.',
    action: 'Reward them; invite them to early access and ask for reviews and referrals.',
  },
  loyal_customers: {
    id: 'loyal_customers',
    label: 'Loyal customers',
    description: 'Buy regularly and spend well, and respond to promotions.',
    action: 'Upsell higher-value products and enrol them in the loyalty programme.',
  },
  potential_loyalists: {
    id: 'potential_loyalists',
    label: 'Potential loyalists',
    description: 'Recent customers who bought more than once and spent a fair amount.',
    action: 'Offer membership or loyalty perks and recommend related products.',
  },
  new_customers: {
    id: 'new_customers',
    label: 'New customers',
    description: 'Bought very recently but only once or for little.',
    action: 'Welcome and onboard them; make the second purchase easy.',
  },
  promising: {
    id: 'promising',
    label: 'Promising',
    description: 'Fairly recent shoppers who have not bought much yet.',
    action: 'Build brand awareness and offer free trials or small incentives.',
  },
  need_attention: {
    id: 'need_attention',
    label: 'Need attention',
    description: 'Average recency, frequency and spend; slipping from the middle.',
    action: 'Send limited-time offers and recommendations based on past purchases.',
  },
  about_to_sleep: {
    id: 'about_to_sleep',
    label: 'About to sleep',
    description: 'Below-average recency and low frequency and spend; fading away.',
    action: 'Reconnect with popular products and relevant discounts before they go quiet.',
  },
  at_risk: {
    id: 'at_risk',
    label: 'At risk',
    description: 'Bought often and spent well, but long ago.',
    action: 'Send personalised win-back messages and renewals; offer helpful resources.',
  },
  cant_lose_them: {
    id: 'cant_lose_them',
    label: "Can't lose them",
    description: 'Used to buy the most and most often, but have not returned for a long time.',
    action: 'Win them back personally with new products or an offer; talk to them.',
  },
  hibernating: {
    id: 'hibernating',
    label: 'Hibernating',
    description: 'Last bought long ago, with few orders and low spend.',
    action: 'Offer other relevant products and special discounts; recreate brand value.',
  },
  lost: {
    id: 'lost',
    label: 'Lost',
    description: 'The lowest recency, frequency and spend of all.',
    action: 'Try one reactivation campaign, then stop spending on them.',
  },
};

// Rows are the FM score 1..5, columns the R score 1..5. This is the R × F grid reproduced by
// many RFM articles and notebooks as the regular expressions
// [1-2][1-2] hibernating, [1-2][3-4] at risk, [1-2]5 can't lose them, 3[1-2] about to sleep,
// 33 need attention, [3-4][4-5] loyal, 41 promising, 51 new, [4-5][2-3] potential loyalists,
// 5[4-5] champions, read (as Putler's "RFM Analysis for Successful Customer Segmentation",
// putler.com/rfm-analysis, does) with the combined FM score on the vertical axis; Putler's
// eleventh segment, Lost (R ≤ 2 and FM ≤ 2, the lowest of both), takes the bottom-left cell.
const GRID: readonly (readonly RfmSegmentId[])[] = [
  ['lost', 'hibernating', 'about_to_sleep', 'promising', 'new_customers'],
  ['hibernating', 'hibernating', 'about_to_sleep', 'potential_loyalists', 'potential_loyalists'],
  ['at_risk', 'at_risk', 'need_attention', 'potential_loyalists', 'potential_loyalists'],
  ['at_risk', 'at_risk', 'loyal_customers', 'loyal_customers', 'champions'],
  ['cant_lose_them', 'cant_lose_them', 'loyal_customers', 'loyal_customers', 'champions'],
];

/** The combined FM score: the mean of F and M, halves rounded up (F 3, M 4 gives 4). */
export function fmScore(f: QuintileScore, m: QuintileScore): QuintileScore {
  return Math.ceil((f + m) / 2) as QuintileScore;
}

/** The named segment of a set of R, F and M scores, from the R × FM grid above. */
export function rfmSegment(score: {
  readonly r: QuintileScore;
  readonly f: QuintileScore;
  readonly m: QuintileScore;
}): RfmSegmentId {
  const row = GRID[fmScore(score.f, score.m) - 1];
  const segment = row?.[score.r - 1];
  if (segment === undefined) throw new RangeError(`Not an RFM score: ${JSON.stringify(score)}`);
  return segment;
}
