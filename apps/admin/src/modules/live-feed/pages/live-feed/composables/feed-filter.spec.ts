import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterFromQuery,
  fromMentionFilter,
  queryFromFilter,
  toMentionFilter,
} from './feed-filter.js';

describe('filterFromQuery / queryFromFilter', () => {
  it('reads every name the dashboard links with', () => {
    const form = filterFromQuery({
      q: ' coffee ',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-08T00:00:00Z',
      author: '@ana',
      brand: ['b1', 'b2'],
      channel: 'X',
      language: ['es', 'en'],
      sentiment: ['NEGATIVE'],
    });
    expect(form).toEqual({
      q: 'coffee',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-08T00:00:00.000Z',
      author: 'ana',
      brand: ['b1', 'b2'],
      channel: ['X'],
      language: ['es', 'en'],
      sentiment: ['NEGATIVE'],
    });
  });

  it('drops unknown channels and sentiments, bad dates, empty and repeated values', () => {
    expect(
      filterFromQuery({
        from: 'yesterday',
        channel: ['X', 'MYSPACE', 'X'],
        sentiment: ['ANGRY'],
        brand: ['', null, 'b1'],
        author: '',
      }),
    ).toEqual({ ...EMPTY_FILTER, channel: ['X'], brand: ['b1'] });
    expect(filterFromQuery({})).toEqual(EMPTY_FILTER);
  });

  it('writes only what is set, and reads back what it wrote', () => {
    expect(queryFromFilter(EMPTY_FILTER)).toEqual({});
    const form = {
      ...EMPTY_FILTER,
      q: 'late delivery',
      author: '@bob',
      from: '2026-11-01T00:00:00.000Z',
      sentiment: ['POSITIVE' as const, 'NEUTRAL' as const],
    };
    const query = queryFromFilter(form);
    expect(query).toEqual({
      q: 'late delivery',
      author: 'bob',
      from: '2026-11-01T00:00:00.000Z',
      sentiment: ['POSITIVE', 'NEUTRAL'],
    });
    expect(filterFromQuery(query)).toEqual({ ...form, author: 'bob' });
  });
});

describe('toMentionFilter / fromMentionFilter', () => {
  it('maps the URL names onto the api filter and back', () => {
    const form = {
      q: 'refund',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      author: 'ana',
      brand: ['b1'],
      channel: ['INSTAGRAM' as const],
      language: ['es'],
      sentiment: ['NEGATIVE' as const],
    };
    const filter = toMentionFilter(form);
    expect(filter).toEqual({
      search: 'refund',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      authorHandle: 'ana',
      brandIds: ['b1'],
      channels: ['INSTAGRAM'],
      languages: ['es'],
      sentiments: ['NEGATIVE'],
    });
    expect(fromMentionFilter(filter)).toEqual(form);
    expect(fromMentionFilter({ search: null, brandIds: null })).toEqual(EMPTY_FILTER);
  });
});
