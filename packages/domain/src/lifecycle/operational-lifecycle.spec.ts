import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES } from './lifecycle-stage.js';
import { OPERATIONAL_LIFECYCLE, OPERATIONAL_STAGES } from './operational-lifecycle.js';

describe('OPERATIONAL_LIFECYCLE', () => {
  it('maps every operational stage, in order', () => {
    expect(Object.keys(OPERATIONAL_LIFECYCLE)).toEqual([...OPERATIONAL_STAGES]);
  });

  it('covers every contact stage', () => {
    const covered = new Set(Object.values(OPERATIONAL_LIFECYCLE).flat());
    expect([...covered].sort()).toEqual([...LIFECYCLE_STAGES].sort());
  });
});
