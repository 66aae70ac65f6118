import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.js';

describe(foldText.name, () => {
  it('lower-cases and removes Latin accents', () => {
    expect(foldText('Café AURORA São Paulo Ñandú Ação')).toBe('cafe aurora sao paulo nandu acao');
  });

  it('removes accents typed as combining marks', () => {
    expect(foldText('Cafe\u0301')).toBe('cafe');
  });

  it('folds Cyrillic case and ё to е but keeps й apart from и', () => {
    expect(foldText('Кофе АВРОРА, Ёлка')).toBe('кофе аврора, елка');
    expect(foldText('Чайхона Й')).toBe('чайхона й'.normalize('NFD'));
    expect(foldText('й')).not.toBe(foldText('и'));
  });

  it('folds Greek final sigma to σ', () => {
    expect(foldText('ΟΔΥΣΣΕΥΣ')).toBe(foldText('οδυσσευσ'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
      }),
    );
  });
});
