import { assertNonNegative } from './count-validation.js';
import { safeRatio } from './ratio.js';

/** Counts for one email send; opens and clicks are unique recipients, not raw events. */
export interface EmailCampaignCounts {
  readonly sent: number;
  readonly bounced: number;
  readonly uniqueOpens: number;
  readonly uniqueClicks: number;
}

/** Email rates as fractions; `null` when their base is 0. */
export interface EmailRates {
  /** bounced / sent */
  readonly bounceRate: number | null;
  /** unique opens / delivered (delivered = sent − bounced) */
  readonly openRate: number | null;
  /** unique clicks / delivered */
  readonly clickThroughRate: number | null;
  /** unique clicks / unique opens */
  readonly clickToOpenRate: number | null;
}

/**
 * Open, click-through, click-to-open and bounce rates for a campaign, using the common
 * email-platform definitions (opens and clicks over delivered mail, bounces over sent).
 * Clicks may exceed opens because image blocking hides opens, so that is not an error.
 *
 * @throws RangeError naming the field when a count is negative, not finite, or impossible
 *   (more bounces than sends, more opens or clicks than delivered).
 */
export function emailRates(counts: EmailCampaignCounts): EmailRates {
  assertNonNegative('sent', counts.sent);
  assertNonNegative('bounced', counts.bounced);
  assertNonNegative('uniqueOpens', counts.uniqueOpens);
  assertNonNegative('uniqueClicks', counts.uniqueClicks);
  if (counts.bounced > counts.sent) throw new RangeError('bounced must not exceed sent');
  const delivered = counts.sent - counts.bounced;
  if (counts.uniqueOpens > delivered) {
    throw new RangeError('uniqueOpens must not exceed delivered (sent − bounced)');
  }
  if (counts.uniqueClicks > delivered) {
    throw new RangeError('uniqueClicks must not exceed delivered (sent − bounced)');
  }
  return {
    bounceRate: safeRatio(counts.bounced, counts.sent),
    openRate: safeRatio(counts.uniqueOpens, delivered),
    clickThroughRate: safeRatio(counts.uniqueClicks, delivered),
    clickToOpenRate: safeRatio(counts.uniqueClicks, counts.uniqueOpens),
  };
}
