import { z } from 'zod';
import { instantSchema, optionalText } from './order.js';

/** A referral recorded by hand: who brought whom in, when and through what. */
export const referralInputSchema = z.object({
  referrerId: z.uuid('is not a valid id'),
  referredId: z.uuid('is not a valid id'),
  referredAt: instantSchema.optional().nullable(),
  source: optionalText(200),
});
export type ReferralInput = z.output<typeof referralInputSchema>;

/** A referral row of an import: each side named by the contact's external id or email. */
export const referralRecordSchema = z.object({
  referrer: z.string().trim().min(1, 'is required').max(320),
  referred: z.string().trim().min(1, 'is required').max(320),
  referredAt: instantSchema.optional().nullable(),
  source: optionalText(200),
});
export type ReferralRecord = z.output<typeof referralRecordSchema>;

/** When a referral earns its referrer the fixed amount. */
export const REFERRAL_QUALIFICATIONS = ['FIRST_PURCHASE', 'SIGNUP'] as const;

const money = z
  .number({ error: 'must be a number' })
  .finite('must be a number')
  .min(0, 'must not be negative')
  .max(1_000_000_000, 'must be at most 1,000,000,000');

/**
 * What a referrer is owed: `amount` per qualifying referral (qualifying = the referred contact's
 * first purchase, or the signup itself), plus `revenuePercent` of the referred contacts'
 * revenue, capped at `capPerReferrer` in total when set. Reporting currency.
 */
export const referralIncentiveRuleSchema = z.object({
  amount: money,
  qualifyOn: z.enum(REFERRAL_QUALIFICATIONS, { error: 'must be FIRST_PURCHASE or SIGNUP' }),
  revenuePercent: z
    .number({ error: 'must be a number' })
    .finite('must be a number')
    .min(0, 'must be between 0 and 100')
    .max(100, 'must be between 0 and 100'),
  capPerReferrer: money.nullable(),
});
export type ReferralIncentiveRule = z.output<typeof referralIncentiveRuleSchema>;
