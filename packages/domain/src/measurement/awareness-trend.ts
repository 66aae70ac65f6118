import { safeRatio } from './ratio.js';
import { type BucketUnit, bucketLabel, bucketStart, nextBucketStart } from './time-bucket.js';

/** Count of mentions in one time bucket, and its growth over the previous bucket. */
export interface TrendBucket {
  readonly label: string;
  readonly start: Date;
  readonly count: number;
  /**
   * (count − previous) / previous as a fraction (0.5 = +50 %); `null` for the first bucket
   * and after an empty bucket, where growth from zero is undefined.
   */
  readonly growthRate: number | null;
}

/**
 * Awareness trend: mention timestamps counted into consecutive UTC buckets covering
 * `from`..`to` (both inclusive, empty buckets kept as 0), each with its growth rate.
 * Timestamps outside the range are ignored.
 *
 * @throws RangeError when `to` is before `from`.
 */
export function awarenessTrend(
  timestamps: readonly Date[],
  range: { readonly from: Date; readonly to: Date },
  unit: BucketUnit,
): TrendBucket[] {
  if (range.to < range.from) throw new RangeError('range.to must not be before range.from');
  const counts = new Map<string, number>();
  for (const t of timestamps) {
    if (t < range.from || t > range.to) continue;
    const label = bucketLabel(t, unit);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const buckets: TrendBucket[] = [];
  let previous: number | null = null;
  for (let start = bucketStart(range.from, unit); start <= range.to; ) {
    const label = bucketLabel(start, unit);
    const count = counts.get(label) ?? 0;
    const growthRate = previous === null ? null : safeRatio(count - previous, previous);
    buckets.push({ label, start, count, growthRate });
    previous = count;
    start = nextBucketStart(start, unit);
  }
  return buckets;
}
