import { describe, expect, it } from 'vitest';
import type { MentionType } from './mention.type.js';
import { feedFilterAccepts } from './mention-filter.js';

const mention = (text: string) => ({ text, brandIds: [] }) as unknown as MentionType;

describe('the live feed’s search', () => {
  // Each case checked against PostgreSQL: to_tsvector('simple', text) @@ plainto_tsquery('simple', search).
  it.each([
    ['Espresso_bar tonight', 'espresso', true],
    ['Espresso_bar tonight', 'bar tonight', true],
    ['CAFÉ-Aurora is open', 'café aurora', true],
    ['Brand A latte tonight', 'espresso', false],
    ['Brand A espresso', 'espresso latte', false],
  ])('%j searched for %j: %s', (text, search, accepted) => {
    expect(feedFilterAccepts({ search }, mention(text))).toBe(accepted);
  });
});
