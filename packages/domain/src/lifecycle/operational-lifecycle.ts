import type { LifecycleStage } from './lifecycle-stage.js';

/** The classic operational customer lifecycle, in order. */
export const OPERATIONAL_STAGES = ['acquire', 'transact', 'fulfil', 'serve', 'retain'] as const;

/** One stage of the operational lifecycle. */
export type OperationalStage = (typeof OPERATIONAL_STAGES)[number];

/**
 * Which contact stages each operational stage works on. Acquisition covers the whole
 * pre-sale funnel; transaction is the deal (opportunity to first purchase); fulfilment and
 * service concern customers; retention keeps customers, grows advocates and wins back the
 * churned. Every contact stage belongs to at least one operational stage.
 */
export const OPERATIONAL_LIFECYCLE: {
  readonly [S in OperationalStage]: readonly LifecycleStage[];
} = {
  acquire: ['subscriber', 'lead', 'marketingQualifiedLead', 'salesQualifiedLead'],
  transact: ['opportunity', 'customer'],
  fulfil: ['customer'],
  serve: ['customer', 'advocate'],
  retain: ['customer', 'advocate', 'churned'],
};
