import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from './lifecycle-event.js';
import type { LifecycleOrigin } from './lifecycle-stage.js';
import { LifecycleTransitionError } from './lifecycle-transition-error.js';
import { transitionLifecycle } from './transition-lifecycle.js';

describe(transitionLifecycle.name, () => {
  it('walks the funnel from new contact to advocate', () => {
    const path: [LifecycleEvent['type'], string][] = [
      ['subscribed', 'subscriber'],
      ['engaged', 'lead'],
      ['qualified', 'marketingQualifiedLead'],
      ['qualified', 'salesQualifiedLead'],
      ['opportunityOpened', 'opportunity'],
      ['purchased', 'customer'],
      ['referredCustomer', 'advocate'],
    ];
    let stage: LifecycleOrigin = 'new';
    for (const [type, expected] of path) {
      const result = transitionLifecycle(stage, { type } as LifecycleEvent);
      expect(result).toMatchObject({ ok: true, stage: expected, changed: true });
      if (result.ok) stage = result.stage;
    }
  });

  it('returns the reason of the move', () => {
    expect(transitionLifecycle('opportunity', { type: 'purchased' })).toEqual({
      ok: true,
      from: 'opportunity',
      stage: 'customer',
      reason: 'opportunity won',
      changed: true,
    });
  });

  it('keeps the stage on engagement and says it did not change', () => {
    expect(transitionLifecycle('customer', { type: 'engaged' })).toMatchObject({
      ok: true,
      stage: 'customer',
      changed: false,
    });
  });

  it('sends disqualified and lost deals to the right stages', () => {
    expect(transitionLifecycle('salesQualifiedLead', { type: 'disqualified' })).toMatchObject({
      stage: 'lead',
    });
    expect(transitionLifecycle('opportunity', { type: 'opportunityLost' })).toMatchObject({
      stage: 'salesQualifiedLead',
    });
  });

  it('refuses an impossible move with NO_TRANSITION and lists the accepted events', () => {
    const result = transitionLifecycle('subscriber', { type: 'qualified' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(LifecycleTransitionError);
    expect(result.error.code).toBe('NO_TRANSITION');
    expect(result.error.message).toBe(
      '"qualified" cannot be applied at stage "subscriber"; accepted events: engaged, purchased',
    );
  });

  it('churns a customer only after the churn threshold', () => {
    expect(transitionLifecycle('customer', { type: 'inactive', days: 200 })).toMatchObject({
      ok: true,
      stage: 'churned',
    });
    const early = transitionLifecycle('customer', { type: 'inactive', days: 30 });
    expect(early.ok || early.error.code).toBe('GUARD_REJECTED');
  });

  it('applies a tenant policy to the inactivity guards', () => {
    const policy = { churnAfterDays: 30, recycleAfterDays: 10 };
    expect(transitionLifecycle('advocate', { type: 'inactive', days: 30 }, policy)).toMatchObject({
      stage: 'churned',
    });
    expect(
      transitionLifecycle('opportunity', { type: 'inactive', days: 10 }, policy),
    ).toMatchObject({ stage: 'lead' });
  });

  it('rejects malformed inactivity with INVALID_EVENT', () => {
    const result = transitionLifecycle('customer', { type: 'inactive', days: -3 });
    expect(result.ok || result.error.code).toBe('INVALID_EVENT');
  });

  it('brings a churned customer back on reactivation', () => {
    expect(transitionLifecycle('churned', { type: 'reactivated' })).toMatchObject({
      stage: 'customer',
      changed: true,
    });
  });
});
