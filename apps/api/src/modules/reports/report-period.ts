import { Field, InputType } from 'type-graphql';
import { z } from 'zod';

/** Three years: a year is compared with the one before it in one report. */
export const MAX_REPORT_DAYS = 1_096;
const DAY_MS = 86_400_000;
/** Up to a quarter the trend is counted by day; longer periods by week. */
const DAILY_TREND_UP_TO_DAYS = 92;

export const reportPeriodSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .superRefine((period, context) => {
    if (Number.isNaN(period.from.getTime()) || Number.isNaN(period.to.getTime())) return;
    if (period.from >= period.to) {
      context.addIssue({ code: 'custom', message: 'must be after `from`', path: ['to'] });
    } else if (period.to.getTime() - period.from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
      context.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_REPORT_DAYS.toLocaleString('en-US')} days after \`from\``,
        path: ['to'],
        params: { reason: 'TOO_LONG', params: { max: MAX_REPORT_DAYS } },
      });
    }
  });

@InputType({
  description: `The reported period [from, to), at most ${MAX_REPORT_DAYS.toLocaleString('en-US')} days long; the report compares it with the period of the same length just before it.`,
})
export class ReportPeriodInput {
  @Field(() => Date, { description: 'First instant of the period (included).' })
  from: Date;

  @Field(() => Date, { description: 'End of the period (excluded).' })
  to: Date;
}

/**
 * A validated period and the one before it: [previousFrom, from) of the same length. The
 * trend's buckets are counted from each period's own start, so bucket n of one lines up with
 * bucket n of the other.
 */
export interface ComparedPeriods {
  readonly previousFrom: Date;
  readonly from: Date;
  readonly to: Date;
  readonly bucketSeconds: number;
  readonly buckets: number;
}

export function withPreviousPeriod(period: { from: Date; to: Date }): ComparedPeriods {
  const length = period.to.getTime() - period.from.getTime();
  const bucketMs = length <= DAILY_TREND_UP_TO_DAYS * DAY_MS ? DAY_MS : 7 * DAY_MS;
  return {
    previousFrom: new Date(period.from.getTime() - length),
    from: period.from,
    to: period.to,
    bucketSeconds: bucketMs / 1000,
    buckets: Math.ceil(length / bucketMs),
  };
}
