import { describe, expect, it } from 'vitest';
import { FUNNEL_STAGES, LIFECYCLE_STAGES } from './lifecycle-stage.js';

describe('FUNNEL_STAGES', () => {
  it('lists every stage but churned, in lifecycle order', () => {
    expect(FUNNEL_STAGES).toEqual(LIFECYCLE_STAGES.filter((s) => s !== 'churned'));
    expect(FUNNEL_STAGES[0]).toBe('subscriber');
    expect(FUNNEL_STAGES.at(-1)).toBe('advocate');
  });
});
