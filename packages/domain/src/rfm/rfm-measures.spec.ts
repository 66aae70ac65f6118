import { describe, expect, it } from 'vitest';
import { engagementMeasures, purchaseMeasures } from './rfm-measures.js';

const now = new Date('2024-03-31T12:00:00Z');

describe(purchaseMeasures.name, () => {
  it('summarises each customer in order of first appearance', () => {
    const sut = purchaseMeasures(
      [
        { customerId: 'b', orderedAt: new Date('2024-03-01T12:00:00Z'), amount: 10 },
        { customerId: 'a', orderedAt: new Date('2024-03-30T13:00:00Z'), amount: 5 },
        { customerId: 'b', orderedAt: new Date('2024-03-21T12:00:00Z'), amount: 7.5 },
      ],
      now,
    );
    expect(sut).toEqual([
      { id: 'b', recencyDays: 10, frequency: 2, monetary: 17.5 },
      { id: 'a', recencyDays: 0, frequency: 1, monetary: 5 },
    ]);
  });

  it('rejects a purchase after now', () => {
    const future = { customerId: 'a', orderedAt: new Date('2024-04-01T00:00:00Z'), amount: 1 };
    expect(() => purchaseMeasures([future], now)).toThrow(RangeError);
  });

  it('rejects a non-finite amount', () => {
    const bad = { customerId: 'a', orderedAt: now, amount: Number.POSITIVE_INFINITY };
    expect(() => purchaseMeasures([bad], now)).toThrow(RangeError);
  });
});

describe(engagementMeasures.name, () => {
  it('counts opens, clicks and interactions alike and sums their estimated value', () => {
    const sut = engagementMeasures(
      [
        { contactId: 'c', occurredAt: new Date('2024-03-29T12:00:00Z'), estimatedValue: 0.5 },
        { contactId: 'c', occurredAt: new Date('2024-02-01T12:00:00Z'), estimatedValue: 2 },
      ],
      now,
    );
    expect(sut).toEqual([{ id: 'c', recencyDays: 2, frequency: 2, monetary: 2.5 }]);
  });
});
