import { describe, expect, it } from 'vitest';
import { ClvInputError } from './clv-input-error.js';

describe(ClvInputError.name, () => {
  it('names the field in its message and exposes it', () => {
    const sut = new ClvInputError('retention', 'must be in [0, 1) (got 2)');
    expect(sut).toBeInstanceOf(RangeError);
    expect(sut.field).toBe('retention');
    expect(sut.message).toBe('retention must be in [0, 1) (got 2)');
    expect(sut.name).toBe('ClvInputError');
  });
});
