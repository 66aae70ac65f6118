import { describe, expect, it } from 'vitest';
import { lifecycleCohorts } from './lifecycle-cohorts.js';

describe(lifecycleCohorts.name, () => {
  it('groups contacts by the UTC month of their first entry, oldest first', () => {
    const sut = lifecycleCohorts([
      {
        contactId: 'feb',
        entries: [
          { stage: 'customer', enteredAt: new Date('2024-03-05T00:00:00Z') },
          { stage: 'lead', enteredAt: new Date('2024-02-29T23:00:00Z') },
        ],
      },
      {
        contactId: 'jan-1',
        entries: [{ stage: 'lead', enteredAt: new Date('2024-01-10T00:00:00Z') }],
      },
      {
        contactId: 'jan-2',
        entries: [{ stage: 'subscriber', enteredAt: new Date('2024-01-31T00:00:00Z') }],
      },
      { contactId: 'none', entries: [] },
    ]);
    expect(sut.map((c) => [c.cohort, c.funnel.contacts])).toEqual([
      ['2024-01', 2],
      ['2024-02', 1],
    ]);
    expect(sut[1]?.funnel.leadToCustomer).toBe(1);
    expect(sut[0]?.funnel.leadToCustomer).toBe(0);
  });

  it('returns no cohort for no contacts', () => {
    expect(lifecycleCohorts([])).toEqual([]);
  });
});
