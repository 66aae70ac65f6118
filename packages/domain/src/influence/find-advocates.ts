import { safeRatio } from '../measurement/ratio.js';

/** A mention of the brand by a contact, with its classified polarity. */
export interface BrandMention {
  readonly authorId: string;
  readonly at: Date;
  readonly sentiment: 'positive' | 'neutral' | 'negative';
}

/** A contact who brought in a new customer. */
export interface Referral {
  readonly referrerId: string;
  readonly referredId: string;
  readonly at: Date;
}

/** When a contact counts as an advocate. */
export interface AdvocacyThresholds {
  /** Length of the look-back window ending at `now`. */
  readonly windowDays: number;
  /** Positive mentions needed within the window. */
  readonly minPositiveMentions: number;
  /** Share of positive among the contact's positive + negative mentions in the window. */
  readonly minPositiveShare: number;
  /** Referrals within the window that make a contact an advocate on their own. */
  readonly minReferrals: number;
}

/**
 * Defaults: three positive mentions in 90 days, at least 70 % of them positive among
 * opinionated ones (a fan who also complains often is not an advocate yet); or one
 * referral in the window, the strongest form of advocacy.
 */
export const DEFAULT_ADVOCACY_THRESHOLDS: AdvocacyThresholds = {
  windowDays: 90,
  minPositiveMentions: 3,
  minPositiveShare: 0.7,
  minReferrals: 1,
};

/** Why a contact qualified as an advocate. */
export type AdvocacyReason = 'repeatedPositiveMentions' | 'referrals';

/** An advocate with the evidence found in the window. */
export interface Advocate {
  readonly contactId: string;
  readonly positiveMentions: number;
  readonly negativeMentions: number;
  readonly referrals: number;
  readonly reasons: readonly AdvocacyReason[];
}

const DAY_MS = 86_400_000;

/**
 * Advocates over the window (now − windowDays, now]: contacts with repeated, mostly
 * positive mentions, or with referrals, per `thresholds`. Sorted by referrals, then
 * positive mentions (both descending), then id.
 */
export function findAdvocates(
  mentions: readonly BrandMention[],
  referrals: readonly Referral[],
  now: Date,
  thresholds: AdvocacyThresholds = DEFAULT_ADVOCACY_THRESHOLDS,
): Advocate[] {
  const windowStart = now.getTime() - thresholds.windowDays * DAY_MS;
  const inWindow = (at: Date) => at.getTime() > windowStart && at.getTime() <= now.getTime();
  const tallies = new Map<string, { positive: number; negative: number; referrals: number }>();
  const tally = (id: string) => {
    const existing = tallies.get(id) ?? { positive: 0, negative: 0, referrals: 0 };
    tallies.set(id, existing);
    return existing;
  };
  for (const mention of mentions) {
    if (!inWindow(mention.at) || mention.sentiment === 'neutral') continue;
    tally(mention.authorId)[mention.sentiment] += 1;
  }
  for (const referral of referrals) {
    if (inWindow(referral.at)) tally(referral.referrerId).referrals += 1;
  }
  const advocates: Advocate[] = [];
  for (const [contactId, t] of tallies) {
    const reasons: AdvocacyReason[] = [];
    // A contact needs at least one positive mention or referral, whatever the thresholds.
    const positiveShare = safeRatio(t.positive, t.positive + t.negative) ?? 0;
    if (
      t.positive > 0 &&
      t.positive >= thresholds.minPositiveMentions &&
      positiveShare >= thresholds.minPositiveShare
    ) {
      reasons.push('repeatedPositiveMentions');
    }
    if (t.referrals > 0 && t.referrals >= thresholds.minReferrals) reasons.push('referrals');
    if (reasons.length > 0) {
      advocates.push({
        contactId,
        positiveMentions: t.positive,
        negativeMentions: t.negative,
        referrals: t.referrals,
        reasons,
      });
    }
  }
  return advocates.sort(
    (a, b) =>
      b.referrals - a.referrals ||
      b.positiveMentions - a.positiveMentions ||
      a.contactId.localeCompare(b.contactId),
  );
}
