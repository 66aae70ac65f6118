import { describe, expect, it } from 'vitest';
import { OPERATIONAL_STAGES } from '../lifecycle/operational-lifecycle.js';
import { DEFAULT_PROCESS_CATALOGUE } from './process-catalogue.js';

describe('DEFAULT_PROCESS_CATALOGUE', () => {
  it('has unique ids', () => {
    const ids = DEFAULT_PROCESS_CATALOGUE.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every operational stage', () => {
    const stages = new Set(DEFAULT_PROCESS_CATALOGUE.map((p) => p.stage));
    expect([...stages]).toEqual([...OPERATIONAL_STAGES]);
  });
});
