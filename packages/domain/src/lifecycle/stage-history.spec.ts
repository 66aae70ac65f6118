import { describe, expect, it } from 'vitest';
import { orderedEntries } from './stage-history.js';

describe(orderedEntries.name, () => {
  it('sorts entries by time without touching the input', () => {
    const entries = [
      { stage: 'customer' as const, enteredAt: new Date('2024-03-01T00:00:00Z') },
      { stage: 'lead' as const, enteredAt: new Date('2024-01-01T00:00:00Z') },
    ];
    const sut = orderedEntries({ contactId: 'c1', entries });
    expect(sut.map((e) => e.stage)).toEqual(['lead', 'customer']);
    expect(entries[0]?.stage).toBe('customer');
  });
});
