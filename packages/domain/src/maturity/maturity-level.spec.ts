import { describe, expect, it } from 'vitest';
import { maturityLevel } from './maturity-level.js';

describe(maturityLevel.name, () => {
  it('maps band edges to the level that starts there', () => {
    expect(maturityLevel(0).name).toBe('initial');
    expect(maturityLevel(19.99).name).toBe('initial');
    expect(maturityLevel(20).name).toBe('developing');
    expect(maturityLevel(59.9).name).toBe('defined');
    expect(maturityLevel(60).name).toBe('managed');
    expect(maturityLevel(100)).toEqual({ level: 5, name: 'optimised', minScore: 80 });
  });
});
