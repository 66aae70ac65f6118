import { describe, expect, it } from 'vitest';
import { assertNonNegative } from './count-validation.js';

describe(assertNonNegative.name, () => {
  it('accepts zero and positive numbers', () => {
    expect(() => assertNonNegative('mentions', 0)).not.toThrow();
    expect(() => assertNonNegative('mentions', 12.5)).not.toThrow();
  });

  it('names the field when the value is negative or not finite', () => {
    expect(() => assertNonNegative('mentions', -1)).toThrow(/mentions/);
    expect(() => assertNonNegative('reach', Number.NaN)).toThrow(RangeError);
    expect(() => assertNonNegative('reach', Number.POSITIVE_INFINITY)).toThrow(/reach/);
  });
});
