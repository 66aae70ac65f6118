import { describe, expect, it } from 'vitest';
import { createBrandSchema } from './brand.js';
import { issueReason } from './issues.js';

/** Each refused field with its reason code, the way the api reports it and the admin shows it. */
function reasonsOf(value: unknown) {
  const parsed = createBrandSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    ...issueReason(issue),
  }));
}

const valid = {
  name: 'Café Aurora',
  kind: 'OWN',
  keywords: ['café aurora'],
  hashtags: [],
  handles: [],
  excludedTerms: [],
};

describe('createBrandSchema', () => {
  it('accepts a brand and stores hashtags with # and handles with @', () => {
    const brand = createBrandSchema.parse({
      ...valid,
      hashtags: ['aurora'],
      handles: ['cafe.aurora'],
    });
    expect(brand.hashtags).toEqual(['#aurora']);
    expect(brand.handles).toEqual(['@cafe.aurora']);
  });

  it('names each bad term by its index and reason', () => {
    expect(
      reasonsOf({
        ...valid,
        name: ' ',
        hashtags: ['bad tag'],
        handles: ['ok', '@OK'],
        keywords: ['x'],
      }),
    ).toEqual([
      { path: 'name', reason: 'REQUIRED' },
      { path: 'keywords.0', reason: 'TERM_LENGTH', params: { min: 2, max: 100 } },
      { path: 'hashtags.0', reason: 'HASHTAG_FORMAT' },
      { path: 'handles.1', reason: 'DUPLICATE' },
    ]);
  });

  it('needs a keyword, hashtag or handle', () => {
    expect(reasonsOf({ ...valid, keywords: [], excludedTerms: ['competitor'] })).toEqual([
      { path: 'keywords', reason: 'NEEDS_TERM' },
    ]);
  });

  it('counts characters, not UTF-16 units, against the name limit', () => {
    expect(reasonsOf({ ...valid, name: '😀'.repeat(120) })).toEqual([]);
    expect(reasonsOf({ ...valid, name: '😀'.repeat(121) })).toEqual([
      { path: 'name', reason: 'TOO_LONG', params: { max: 120 } },
    ]);
  });
});
