import { describe, expect, it } from 'vitest';
import { LifecycleTransitionError } from './lifecycle-transition-error.js';

describe(LifecycleTransitionError.name, () => {
  it('is an Error carrying code, origin and event', () => {
    const sut = new LifecycleTransitionError('NO_TRANSITION', 'lead', 'reactivated', 'nope');
    expect(sut).toBeInstanceOf(Error);
    expect(sut).toMatchObject({
      name: 'LifecycleTransitionError',
      code: 'NO_TRANSITION',
      from: 'lead',
      event: 'reactivated',
      message: 'nope',
    });
  });
});
