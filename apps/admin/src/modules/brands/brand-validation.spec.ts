import { describe, expect, it } from 'vitest';
import { emptyBrandForm, parseTerms, toBrandInput, validateBrand } from './brand-validation.js';

const form = (overrides: Partial<ReturnType<typeof emptyBrandForm>>) => ({
  ...emptyBrandForm(),
  name: 'Café Aurora',
  keywords: 'café aurora',
  ...overrides,
});

describe(validateBrand.name, () => {
  it('accepts a brand with a name and one term', () => {
    expect(validateBrand(form({}))).toEqual({});
  });

  it('requires a name', () => {
    expect(validateBrand(form({ name: '  ' })).name?.key).toBe('required');
  });

  it('needs at least one keyword, hashtag or handle', () => {
    expect(validateBrand(form({ keywords: '' })).keywords?.key).toBe('needsTerm');
    expect(validateBrand(form({ keywords: '', handles: '@aurora' }))).toEqual({});
  });

  it('checks keyword length (2–100 characters)', () => {
    expect(validateBrand(form({ keywords: 'a' })).keywords).toMatchObject({
      key: 'termLength',
      params: { term: 'a' },
    });
    expect(validateBrand(form({ keywords: 'x'.repeat(101) })).keywords?.key).toBe('termLength');
  });

  it('accepts hashtags of letters, digits and _ with or without #, in any script', () => {
    expect(validateBrand(form({ hashtags: '#café_2026, аврора, 東京' }))).toEqual({});
    expect(validateBrand(form({ hashtags: 'bad tag' })).hashtags).toMatchObject({
      key: 'hashtagFormat',
      params: { term: 'bad tag' },
    });
    expect(validateBrand(form({ hashtags: '#no-dash' })).hashtags?.key).toBe('hashtagFormat');
  });

  it('accepts handles of letters, digits and _.- with or without @', () => {
    expect(validateBrand(form({ handles: '@cafe.aurora, nova-sports_1' }))).toEqual({});
    expect(validateBrand(form({ handles: 'b@d' })).handles?.key).toBe('handleFormat');
  });

  it('rejects duplicates, ignoring case and the leading # or @', () => {
    expect(validateBrand(form({ hashtags: 'Aurora, #aurora' })).hashtags).toMatchObject({
      key: 'duplicate',
      params: { term: '#aurora' },
    });
    expect(validateBrand(form({ handles: '@x1, X1' })).handles?.key).toBe('duplicate');
    expect(validateBrand(form({ keywords: 'Café, café' })).keywords?.key).toBe('duplicate');
  });
});

describe(parseTerms.name, () => {
  it('splits on commas and drops blanks', () => {
    expect(parseTerms(' a, b ,, c ,')).toEqual(['a', 'b', 'c']);
  });
});

describe(toBrandInput.name, () => {
  it('turns the form into the api input', () => {
    expect(toBrandInput(form({ hashtags: '#a, b', excludedTerms: 'x y' }))).toEqual({
      name: 'Café Aurora',
      kind: 'OWN',
      keywords: ['café aurora'],
      hashtags: ['#a', 'b'],
      handles: [],
      excludedTerms: ['x y'],
    });
  });
});
