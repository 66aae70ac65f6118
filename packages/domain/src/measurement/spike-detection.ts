import { median } from './median.js';

/** Tuning of the mention-spike detector; see {@link detectMentionSpikes}. */
export interface SpikeDetectionOptions {
  /** Trailing points forming the baseline of each point. */
  readonly window: number;
  /** Baseline points needed before a point is judged at all. */
  readonly minHistory: number;
  /** Modified z-score above which a point is a spike. */
  readonly threshold: number;
  /**
   * Smallest count that may raise an alert: below about ten mentions a bucket is too noisy
   * (a quiet brand going from 1 to 6 mentions is chance, not news).
   */
  readonly minCount: number;
}

/**
 * Defaults: a two-week trailing window on daily counts, at least a week of history, and the
 * 3.5 cut-off of Iglewicz & Hoaglin's modified z-score (NIST/SEMATECH e-Handbook of
 * Statistical Methods, §1.3.5.17 "Detection of Outliers").
 */
export const DEFAULT_SPIKE_DETECTION: SpikeDetectionOptions = {
  window: 14,
  minHistory: 7,
  threshold: 3.5,
  minCount: 10,
};

/** The verdict on one point of the series. */
export interface SpikePoint {
  readonly index: number;
  readonly value: number;
  /** Median of the trailing window; `null` when there was too little history to judge. */
  readonly baseline: number | null;
  /** Modified z-score against the window; `null` when not judged. */
  readonly score: number | null;
  readonly isSpike: boolean;
}

// 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to a
// standard deviation for normally distributed data.
const NORMAL_MAD_CONSISTENCY = 0.6745;

/**
 * Flags upward spikes in a series of mention counts (one count per equal time bucket).
 *
 * Method: for each point, the baseline is the trailing `window` points before it; the
 * point's modified z-score is 0.6745 × (value − median) / scale, where scale is the median
 * absolute deviation (MAD) of the window, floored at the MAD that Poisson noise alone would
 * give, 0.6745 × √max(median, 1). Mention counts are at least that noisy; without the floor
 * a run of near-identical days (MAD ≈ 0) would turn ordinary wobble into alerts and a
 * perfectly flat baseline would give an infinite score. A point is a spike when the score exceeds
 * `threshold` and the value is at least `minCount`. Median and MAD ignore earlier spikes,
 * so one burst does not mask the next; only rises are flagged, since drops in volume are
 * not alerts. Leading zeros (before the first mention ever) are not history: a freshly
 * tracked brand must collect `minHistory` real points before any alert. Points without
 * enough history are reported with `null` score and never flagged, so short series give
 * no alerts. A constant series never alerts (every score is 0).
 */
export function detectMentionSpikes(
  counts: readonly number[],
  options: Partial<SpikeDetectionOptions> = {},
): SpikePoint[] {
  const { window, minHistory, threshold, minCount } = {
    ...DEFAULT_SPIKE_DETECTION,
    ...options,
  };
  const firstMention = counts.findIndex((c) => c > 0);
  const historyStart = firstMention === -1 ? counts.length : firstMention;
  return counts.map((value, index) => {
    const history = counts.slice(Math.max(historyStart, index - window), index);
    const baseline = history.length >= minHistory ? median(history) : null;
    if (baseline === null) return { index, value, baseline, score: null, isSpike: false };
    const mad = median(history.map((h) => Math.abs(h - baseline))) ?? 0;
    const poissonMad = NORMAL_MAD_CONSISTENCY * Math.sqrt(Math.max(baseline, 1));
    const score = (NORMAL_MAD_CONSISTENCY * (value - baseline)) / Math.max(mad, poissonMad);
    return { index, value, baseline, score, isSpike: score > threshold && value >= minCount };
  });
}
