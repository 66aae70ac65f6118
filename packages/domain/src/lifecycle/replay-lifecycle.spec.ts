import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from './lifecycle-event.js';
import { LIFECYCLE_STAGES, type LifecycleOrigin } from './lifecycle-stage.js';
import { LifecycleTransitionError } from './lifecycle-transition-error.js';
import { replayLifecycle } from './replay-lifecycle.js';

const anyOrigin = fc.constantFrom<LifecycleOrigin>('new', ...LIFECYCLE_STAGES);

const anyEvent: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  fc.constantFrom<LifecycleEvent>(
    { type: 'subscribed' },
    { type: 'engaged' },
    { type: 'qualified' },
    { type: 'disqualified' },
    { type: 'opportunityOpened' },
    { type: 'opportunityLost' },
    { type: 'purchased' },
    { type: 'referredCustomer' },
    { type: 'reactivated' },
  ),
  fc
    .oneof(fc.integer({ min: -10, max: 400 }), fc.constant(Number.NaN))
    .map((days): LifecycleEvent => ({ type: 'inactive', days })),
);

describe(replayLifecycle.name, () => {
  it('applies accepted events in order and reports refused ones by position', () => {
    const sut = replayLifecycle('new', [
      { type: 'engaged' },
      { type: 'reactivated' },
      { type: 'purchased' },
      { type: 'inactive', days: 365 },
    ]);
    expect(sut.stage).toBe('churned');
    expect(sut.moves.map((m) => m.stage)).toEqual(['lead', 'customer', 'churned']);
    expect(sut.refusals.map((r) => [r.index, r.error.code])).toEqual([[1, 'NO_TRANSITION']]);
  });

  it('stays at the start when there are no events', () => {
    expect(replayLifecycle('lead', [])).toEqual({ stage: 'lead', moves: [], refusals: [] });
  });

  it('yields a defined stage or a typed refusal for any event sequence from any stage', () => {
    fc.assert(
      fc.property(anyOrigin, fc.array(anyEvent, { maxLength: 40 }), (start, events) => {
        const sut = replayLifecycle(start, events);
        expect(sut.moves.length + sut.refusals.length).toBe(events.length);
        for (const move of sut.moves) expect(LIFECYCLE_STAGES).toContain(move.stage);
        for (const { error } of sut.refusals) {
          expect(error).toBeInstanceOf(LifecycleTransitionError);
          expect(['NO_TRANSITION', 'GUARD_REJECTED', 'INVALID_EVENT']).toContain(error.code);
        }
        if (sut.moves.length > 0) expect(LIFECYCLE_STAGES).toContain(sut.stage);
      }),
    );
  });
});
