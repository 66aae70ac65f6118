import { describe, expect, it } from 'vitest';
import { lifecycleFunnel } from './lifecycle-funnel.js';
import type { LifecycleStage } from './lifecycle-stage.js';
import type { ContactStageHistory } from './stage-history.js';

const history = (contactId: string, ...stages: LifecycleStage[]): ContactStageHistory => ({
  contactId,
  entries: stages.map((stage, i) => ({ stage, enteredAt: new Date(Date.UTC(2024, 0, 1 + i)) })),
});

describe(lifecycleFunnel.name, () => {
  const histories = [
    history('a', 'subscriber'),
    history('b', 'subscriber', 'lead'),
    history('c', 'lead', 'marketingQualifiedLead', 'salesQualifiedLead', 'opportunity'),
    history('d', 'subscriber', 'lead', 'customer', 'churned'),
    history('e', 'lead', 'customer', 'advocate'),
  ];

  it('counts contacts that reached at least each stage, skipped steps included', () => {
    const sut = lifecycleFunnel(histories);
    expect(sut.steps.map((s) => [s.stage, s.reached])).toEqual([
      ['subscriber', 5],
      ['lead', 4],
      ['marketingQualifiedLead', 3],
      ['salesQualifiedLead', 3],
      ['opportunity', 3],
      ['customer', 2],
      ['advocate', 1],
    ]);
    expect(sut.contacts).toBe(5);
    expect(sut.churned).toBe(1);
  });

  it('gives step-by-step conversions and the lead-to-customer ratio', () => {
    const sut = lifecycleFunnel(histories);
    expect(sut.steps.map((s) => s.conversionFromPrevious)).toEqual([
      null,
      0.8,
      0.75,
      1,
      1,
      2 / 3,
      0.5,
    ]);
    expect(sut.leadToCustomer).toBe(0.5);
  });

  it('reports null conversions for an empty population', () => {
    const sut = lifecycleFunnel([{ contactId: 'x', entries: [] }]);
    expect(sut.contacts).toBe(0);
    expect(sut.leadToCustomer).toBeNull();
    expect(sut.steps.slice(1).every((s) => s.conversionFromPrevious === null)).toBe(true);
  });
});
