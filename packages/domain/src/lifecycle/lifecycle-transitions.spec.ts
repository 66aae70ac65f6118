import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_POLICY } from './lifecycle-policy.js';
import { LIFECYCLE_STAGES } from './lifecycle-stage.js';
import { LIFECYCLE_TRANSITIONS } from './lifecycle-transitions.js';

describe('LIFECYCLE_TRANSITIONS', () => {
  it('only ever leads to a known stage', () => {
    const targets = Object.values(LIFECYCLE_TRANSITIONS).flatMap((row) =>
      Object.values(row).map((rule) => rule.to),
    );
    expect(targets.every((t) => (LIFECYCLE_STAGES as readonly string[]).includes(t))).toBe(true);
  });

  it('lets every stage be reached from some origin', () => {
    const reached = new Set(
      Object.values(LIFECYCLE_TRANSITIONS).flatMap((row) => Object.values(row).map((r) => r.to)),
    );
    expect([...reached].sort()).toEqual([...LIFECYCLE_STAGES].sort());
  });

  it('guards churn on the churn threshold', () => {
    const guard = LIFECYCLE_TRANSITIONS.customer.inactive?.guard;
    expect(guard?.({ type: 'inactive', days: 180 }, DEFAULT_LIFECYCLE_POLICY)).toBeNull();
    expect(guard?.({ type: 'inactive', days: 179 }, DEFAULT_LIFECYCLE_POLICY)).toMatch(
      /churnAfterDays is 180/,
    );
  });
});
