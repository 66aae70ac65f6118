import { assertNonNegative } from '../measurement/count-validation.js';

/** The signals an influence score is made of, for one contact. */
export interface InfluenceSignals {
  /** Followers or subscribers across the contact's social accounts. */
  readonly audienceSize: number;
  /** Interactions per follower (0.04 = 4 %); values above the ceiling count as the ceiling. */
  readonly engagementRate: number;
  /** Unique accounts that saw the contact's content in the period. */
  readonly reach: number;
  /** Position in the interaction graph, in [0, 1] (see `influenceCentrality`). */
  readonly centrality: number;
}

/** Relative weights (summing to 1) and saturation points of the influence score. */
export interface InfluenceWeighting {
  readonly weights: { readonly [K in keyof InfluenceSignals]: number };
  /** Audience at which the audience component saturates at 1 (log scale). */
  readonly audienceCeiling: number;
  /** Reach at which the reach component saturates at 1 (log scale). */
  readonly reachCeiling: number;
  /** Engagement rate at which the engagement component saturates at 1 (linear). */
  readonly engagementCeiling: number;
}

/**
 * Default weighting: audience 30 %, engagement 25 %, centrality 25 %, reach 20 %.
 * Audience and reach are log-scaled (each tenfold growth adds the same amount) and saturate
 * at 10 million; engagement saturates at 10 %, above which rates come from tiny or bought
 * audiences. Engagement and centrality together weigh as much as raw size, so an engaged,
 * well-connected micro-influencer can outrank a large passive account.
 */
export const DEFAULT_INFLUENCE_WEIGHTING: InfluenceWeighting = {
  weights: { audienceSize: 0.3, engagementRate: 0.25, reach: 0.2, centrality: 0.25 },
  audienceCeiling: 10_000_000,
  reachCeiling: 10_000_000,
  engagementCeiling: 0.1,
};

/** A 0–100 influence score and its components, each in [0, 1]. */
export interface InfluenceScore {
  readonly score: number;
  readonly components: { readonly [K in keyof InfluenceSignals]: number };
}

/**
 * Influence score in [0, 100]: 100 × the weighted sum of the four components of
 * {@link DEFAULT_INFLUENCE_WEIGHTING}. Non-decreasing in each signal with the others fixed.
 *
 * @throws RangeError naming the field when a signal is negative or not finite, centrality
 *   exceeds 1, or the weights are negative or do not sum to 1.
 */
export function influenceScore(
  signals: InfluenceSignals,
  weighting: InfluenceWeighting = DEFAULT_INFLUENCE_WEIGHTING,
): InfluenceScore {
  for (const field of ['audienceSize', 'engagementRate', 'reach', 'centrality'] as const) {
    assertNonNegative(field, signals[field]);
    assertNonNegative(`weights.${field}`, weighting.weights[field]);
  }
  if (signals.centrality > 1) throw new RangeError('centrality must be in [0, 1]');
  const { weights } = weighting;
  const totalWeight =
    weights.audienceSize + weights.engagementRate + weights.reach + weights.centrality;
  if (Math.abs(totalWeight - 1) > 1e-9) throw new RangeError('weights must sum to 1');
  const components = {
    audienceSize: logShare(signals.audienceSize, weighting.audienceCeiling),
    engagementRate: Math.min(signals.engagementRate / weighting.engagementCeiling, 1),
    reach: logShare(signals.reach, weighting.reachCeiling),
    centrality: signals.centrality,
  };
  const weighted =
    weights.audienceSize * components.audienceSize +
    weights.engagementRate * components.engagementRate +
    weights.reach * components.reach +
    weights.centrality * components.centrality;
  // Clamp away floating-point overshoot so the documented range holds exactly.
  return { score: Math.min(Math.max(100 * weighted, 0), 100), components };
}

function logShare(value: number, ceiling: number): number {
  return Math.min(Math.log10(1 + value) / Math.log10(1 + ceiling), 1);
}
