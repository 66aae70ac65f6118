import { safeRatio } from '../measurement/ratio.js';
import { FUNNEL_STAGES, type FunnelStage } from './lifecycle-stage.js';
import type { ContactStageHistory } from './stage-history.js';

/** How many contacts got at least as far as one funnel stage. */
export interface FunnelStep {
  readonly stage: FunnelStage;
  readonly reached: number;
  /** reached / reached at the previous step; `null` for the first step or an empty previous step. */
  readonly conversionFromPrevious: number | null;
}

/** Funnel counts and conversions over a set of contacts. */
export interface FunnelReport {
  /** Contacts with at least one stage entry. */
  readonly contacts: number;
  readonly steps: readonly FunnelStep[];
  /** Contacts that have ever churned. */
  readonly churned: number;
  /** Contacts who became customers over contacts who became leads; `null` with no leads. */
  readonly leadToCustomer: number | null;
}

/**
 * Funnel counts from stage histories. A contact "reached" a stage when it entered that
 * stage or any later funnel stage, since contacts may skip steps (a subscriber who buys
 * straight away has passed the lead stages too). Counts therefore never grow down the
 * funnel and every conversion lies in [0, 1]. Contacts without entries are ignored.
 */
export function lifecycleFunnel(histories: readonly ContactStageHistory[]): FunnelReport {
  const reached = FUNNEL_STAGES.map(() => 0);
  let contacts = 0;
  let churned = 0;
  for (const history of histories) {
    if (history.entries.length === 0) continue;
    contacts += 1;
    if (history.entries.some((e) => e.stage === 'churned')) churned += 1;
    // `churned` is not a funnel stage: its index is −1, so it adds no reach of its own.
    const deepest = Math.max(
      ...history.entries.map((e) => FUNNEL_STAGES.indexOf(e.stage as FunnelStage)),
    );
    for (let i = 0; i <= deepest; i++) reached[i] = (reached[i] ?? 0) + 1;
  }
  const steps = FUNNEL_STAGES.map((stage, i) => ({
    stage,
    reached: reached[i] ?? 0,
    conversionFromPrevious: i === 0 ? null : safeRatio(reached[i] ?? 0, reached[i - 1] ?? 0),
  }));
  const reachedAt = (stage: FunnelStage) => reached[FUNNEL_STAGES.indexOf(stage)] ?? 0;
  return {
    contacts,
    steps,
    churned,
    leadToCustomer: safeRatio(reachedAt('customer'), reachedAt('lead')),
  };
}
