import type { OperationalStage } from '../lifecycle/operational-lifecycle.js';

/** A CRM process audited for maturity, placed on the operational lifecycle. */
export interface CrmProcess {
  readonly id: string;
  readonly stage: OperationalStage;
  readonly name: string;
}

/**
 * Default processes per operational stage for a Social CRM audit. Tenants may pass their
 * own catalogue; ids must be unique.
 */
export const DEFAULT_PROCESS_CATALOGUE: readonly CrmProcess[] = [
  { id: 'lead-capture', stage: 'acquire', name: 'Lead capture' },
  { id: 'social-listening', stage: 'acquire', name: 'Social listening' },
  { id: 'lead-scoring', stage: 'acquire', name: 'Lead scoring and qualification' },
  { id: 'campaign-management', stage: 'acquire', name: 'Campaign management' },
  { id: 'opportunity-management', stage: 'transact', name: 'Opportunity management' },
  { id: 'quoting-and-ordering', stage: 'transact', name: 'Quoting and order taking' },
  { id: 'social-commerce', stage: 'transact', name: 'Social and online checkout' },
  { id: 'order-tracking', stage: 'fulfil', name: 'Order tracking and notifications' },
  { id: 'delivery-coordination', stage: 'fulfil', name: 'Delivery coordination' },
  { id: 'customer-onboarding', stage: 'fulfil', name: 'Customer onboarding' },
  { id: 'case-management', stage: 'serve', name: 'Case and ticket management' },
  { id: 'social-customer-care', stage: 'serve', name: 'Social customer care' },
  { id: 'self-service', stage: 'serve', name: 'Knowledge base and self-service' },
  { id: 'satisfaction-surveys', stage: 'retain', name: 'Satisfaction and NPS surveys' },
  { id: 'loyalty-programme', stage: 'retain', name: 'Loyalty programme' },
  { id: 'churn-monitoring', stage: 'retain', name: 'Churn risk monitoring and win-back' },
  { id: 'advocacy-programme', stage: 'retain', name: 'Advocacy and referral programme' },
];
