import { describe, expect, it } from 'vitest';
import { canonicalTerm, collapseWhitespace, termPattern } from './brand-term.js';

describe(canonicalTerm.name, () => {
  it('folds, trims and collapses whitespace', () => {
    expect(canonicalTerm('  Café \t AURORA ')).toBe('cafe aurora');
  });

  it('adds a missing hashtag or handle prefix and keeps a present one', () => {
    expect(canonicalTerm('CafeAurora', '#')).toBe('#cafeaurora');
    expect(canonicalTerm('#CafeAurora', '#')).toBe('#cafeaurora');
    expect(canonicalTerm('Starbucks', '@')).toBe('@starbucks');
  });

  it('drops terms without a letter or digit', () => {
    expect([canonicalTerm('   '), canonicalTerm('#', '#'), canonicalTerm('!!!')]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe(collapseWhitespace.name, () => {
  it('turns each whitespace run into one space', () => {
    expect(collapseWhitespace('cafe \n\t aurora  bar')).toBe('cafe aurora bar');
  });
});

describe(termPattern.name, () => {
  it('escapes regular-expression syntax and lets words be apart by any whitespace', () => {
    const pattern = new RegExp(`^${termPattern('c++ (beta) a.b')}$`, 'u');
    expect(pattern.test('c++  (beta)\ta.b')).toBe(true);
    expect(pattern.test('ccc (beta) axb')).toBe(false);
  });
});
