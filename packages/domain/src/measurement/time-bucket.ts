/** Calendar bucket sizes, all in UTC; weeks start on Monday (ISO 8601). */
export type BucketUnit = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/** Start (UTC midnight) of the bucket that contains `date`. */
export function bucketStart(date: Date, unit: BucketUnit): Date {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (unit === 'day') return new Date(day);
  if (unit === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  // getUTCDay() is 0 on Sunday; shift so Monday is 0.
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(day - daysSinceMonday * DAY_MS);
}

/** Start of the bucket following the one that starts at `start`. */
export function nextBucketStart(start: Date, unit: BucketUnit): Date {
  if (unit === 'day') return new Date(start.getTime() + DAY_MS);
  if (unit === 'week') return new Date(start.getTime() + 7 * DAY_MS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/** Stable label of a bucket: `YYYY-MM` for months, `YYYY-MM-DD` (its first day) otherwise. */
export function bucketLabel(date: Date, unit: BucketUnit): string {
  const iso = bucketStart(date, unit).toISOString();
  return unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}
