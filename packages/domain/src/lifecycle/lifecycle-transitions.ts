import type { LifecycleEvent, LifecycleEventType } from './lifecycle-event.js';
import type { LifecyclePolicy } from './lifecycle-policy.js';
import type { LifecycleOrigin, LifecycleStage } from './lifecycle-stage.js';

/** Returns why a move must not happen, or `null` when its condition holds. */
export type LifecycleGuard = (event: LifecycleEvent, policy: LifecyclePolicy) => string | null;

/** One allowed move: the stage it leads to, why, and an optional condition. */
export interface LifecycleRule {
  readonly to: LifecycleStage;
  readonly reason: string;
  readonly guard?: LifecycleGuard;
}

/** For every origin, the events it accepts; an event missing from a row is refused. */
export type LifecycleTransitionMap = {
  readonly [From in LifecycleOrigin]: { readonly [E in LifecycleEventType]?: LifecycleRule };
};

function inactiveAtLeast(threshold: keyof LifecyclePolicy): LifecycleGuard {
  return (event, policy) => {
    const days = event.type === 'inactive' ? event.days : 0;
    const required = policy[threshold];
    return days >= required ? null : `inactive for ${days} days; ${threshold} is ${required}`;
  };
}

const churnGuard = inactiveAtLeast('churnAfterDays');
const recycleGuard = inactiveAtLeast('recycleAfterDays');

const won: LifecycleRule = { to: 'customer', reason: 'made a purchase' };
const recycled: LifecycleRule = {
  to: 'lead',
  reason: 'inactive too long; back to nurturing',
  guard: recycleGuard,
};
const disqualifiedToLead: LifecycleRule = {
  to: 'lead',
  reason: 'disqualified; back to nurturing',
};
const staysOnEngagement = (stage: LifecycleStage): LifecycleRule => ({
  to: stage,
  reason: 'engagement does not change the stage',
});

/**
 * The lifecycle state machine. Contacts climb the funnel one qualification step at a time,
 * but a purchase converts from any pre-customer stage (social commerce skips steps).
 * Disqualified leads and opportunities, and qualified ones left inactive for
 * `recycleAfterDays`, return to `lead`; a lost opportunity stays sales-qualified.
 * Customers become advocates by referring a customer, and churn after `churnAfterDays`
 * of inactivity; churned customers come back as customers by reactivating or buying.
 */
export const LIFECYCLE_TRANSITIONS: LifecycleTransitionMap = {
  new: {
    subscribed: { to: 'subscriber', reason: 'subscribed' },
    engaged: { to: 'lead', reason: 'first engagement' },
    purchased: won,
  },
  subscriber: {
    engaged: { to: 'lead', reason: 'engaged beyond subscribing' },
    purchased: won,
  },
  lead: {
    engaged: staysOnEngagement('lead'),
    qualified: { to: 'marketingQualifiedLead', reason: 'met marketing qualification criteria' },
    purchased: won,
  },
  marketingQualifiedLead: {
    engaged: staysOnEngagement('marketingQualifiedLead'),
    qualified: { to: 'salesQualifiedLead', reason: 'accepted by sales' },
    disqualified: disqualifiedToLead,
    inactive: recycled,
    purchased: won,
  },
  salesQualifiedLead: {
    engaged: staysOnEngagement('salesQualifiedLead'),
    disqualified: disqualifiedToLead,
    opportunityOpened: { to: 'opportunity', reason: 'opportunity opened' },
    inactive: recycled,
    purchased: won,
  },
  opportunity: {
    engaged: staysOnEngagement('opportunity'),
    disqualified: disqualifiedToLead,
    opportunityLost: { to: 'salesQualifiedLead', reason: 'opportunity lost; still qualified' },
    inactive: recycled,
    purchased: { to: 'customer', reason: 'opportunity won' },
  },
  customer: {
    engaged: staysOnEngagement('customer'),
    opportunityOpened: { to: 'customer', reason: 'upsell opportunity; stays a customer' },
    purchased: { to: 'customer', reason: 'repeat purchase' },
    referredCustomer: { to: 'advocate', reason: 'referred a new customer' },
    inactive: { to: 'churned', reason: 'inactive past the churn threshold', guard: churnGuard },
  },
  advocate: {
    engaged: staysOnEngagement('advocate'),
    opportunityOpened: { to: 'advocate', reason: 'upsell opportunity; stays an advocate' },
    purchased: { to: 'advocate', reason: 'repeat purchase' },
    referredCustomer: { to: 'advocate', reason: 'another referral' },
    inactive: { to: 'churned', reason: 'inactive past the churn threshold', guard: churnGuard },
  },
  churned: {
    reactivated: { to: 'customer', reason: 'reactivated' },
    purchased: { to: 'customer', reason: 'won back with a purchase' },
  },
};
