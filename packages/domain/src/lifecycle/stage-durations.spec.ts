import { describe, expect, it } from 'vitest';
import { medianDaysInStage } from './stage-durations.js';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d));

describe(medianDaysInStage.name, () => {
  it('takes the median of finished stays per stage, in days', () => {
    const sut = medianDaysInStage([
      {
        contactId: 'a',
        entries: [
          { stage: 'customer', enteredAt: day(12) },
          { stage: 'lead', enteredAt: day(0) },
          { stage: 'marketingQualifiedLead', enteredAt: day(2) },
        ],
      },
      {
        contactId: 'b',
        entries: [
          { stage: 'lead', enteredAt: day(0) },
          { stage: 'marketingQualifiedLead', enteredAt: day(6) },
        ],
      },
      { contactId: 'c', entries: [{ stage: 'lead', enteredAt: day(0) }] },
    ]);
    expect(sut.lead).toBe(4);
    expect(sut.marketingQualifiedLead).toBe(10);
  });

  it('gives null for stages without a finished stay', () => {
    const sut = medianDaysInStage([
      { contactId: 'a', entries: [{ stage: 'lead', enteredAt: day(0) }] },
    ]);
    expect(sut.lead).toBeNull();
    expect(sut.customer).toBeNull();
  });
});
