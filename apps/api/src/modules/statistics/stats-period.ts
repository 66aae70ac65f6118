import { type BucketUnit, bucketStart, nextBucketStart } from '@socialcrm/domain';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { z } from 'zod';

export enum StatsBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(StatsBucket, {
  name: 'StatsBucket',
  description: 'Calendar buckets in UTC; weeks start on Monday.',
});

export const MAX_BUCKETS = 400;
/** Three years: a year compared with the previous one is two calls of one year each. */
export const MAX_PERIOD_DAYS = 1_096;
const DAY_MS = 86_400_000;

/**
 * A measured period [from, to): any length up to `MAX_PERIOD_DAYS`, so a client compares it
 * with the previous one by asking again for [from − (to − from), from).
 */
export const statsPeriodSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date(), bucket: z.enum(StatsBucket) })
  .superRefine((period, context) => {
    if (period.from >= period.to) {
      context.addIssue({ code: 'custom', message: 'must be after `from`', path: ['to'] });
    } else if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      context.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_PERIOD_DAYS.toLocaleString('en-US')} days after \`from\``,
        path: ['to'],
        params: { reason: 'TOO_LONG', params: { max: MAX_PERIOD_DAYS } },
      });
    } else if (
      bucketStarts(period.from, period.to, bucketUnit(period.bucket)).length > MAX_BUCKETS
    ) {
      context.addIssue({
        code: 'custom',
        message: `gives more than ${MAX_BUCKETS} buckets over this period; choose a larger bucket`,
        path: ['bucket'],
        params: { reason: 'TOO_MANY', params: { max: MAX_BUCKETS } },
      });
    }
  });

export type StatsPeriod = z.output<typeof statsPeriodSchema>;

@InputType({
  description: `The measured period [from, to), at most ${MAX_PERIOD_DAYS.toLocaleString('en-US')} days long, and its bucket size (at most ${MAX_BUCKETS} buckets). To compare with the previous period, ask again for [from − (to − from), from).`,
})
export class StatsPeriodInput {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => StatsBucket, { defaultValue: StatsBucket.DAY })
  bucket: StatsBucket;
}

export function bucketUnit(bucket: StatsBucket): BucketUnit {
  return bucket.toLowerCase() as BucketUnit;
}

/** The starts of the buckets that cover [from, to); the first may start before `from`. */
export function bucketStarts(from: Date, to: Date, unit: BucketUnit): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(from, unit); start < to; start = nextBucketStart(start, unit)) {
    starts.push(start);
  }
  return starts;
}
