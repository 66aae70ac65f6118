import { describe, expect, it } from 'vitest';
import type { VolumePoint } from '../../../stats.documents.js';
import {
  barGeometry,
  labelIndexes,
  netSentimentPath,
  niceMax,
  periodFor,
  sentimentShares,
  voiceSlices,
} from './chart-data.js';

const point = (overrides: Partial<VolumePoint> = {}): VolumePoint => ({
  bucketStart: '2026-03-01T00:00:00.000Z',
  mentions: 0,
  positive: 0,
  neutral: 0,
  negative: 0,
  reach: 0,
  netSentiment: null,
  spike: false,
  ...overrides,
});

describe('chart data', () => {
  it('measures the last whole UTC days, in weeks for 90 days', () => {
    const now = Date.parse('2026-03-10T15:30:00Z');
    expect(periodFor('7d', now)).toEqual({
      from: '2026-03-04T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      bucket: 'DAY',
    });
    expect(periodFor('90d', now).bucket).toBe('WEEK');
  });

  it('rounds axis maxima up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 12, 180, 501].map(niceMax)).toEqual([1, 1, 5, 10, 20, 200, 1000]);
  });

  it('draws bars against the axis maximum, bottom-aligned', () => {
    const bars = barGeometry([0, 5, 10], 300, 100, 10, 0);
    expect(bars.map((bar) => bar.height)).toEqual([0, 50, 100]);
    expect(bars.map((bar) => bar.y)).toEqual([100, 50, 0]);
    expect(bars.map((bar) => bar.x)).toEqual([0, 100, 200]);
    expect(barGeometry([], 300, 100, 10)).toEqual([]);
  });

  it('turns counts into sentiment shares per bucket, empty buckets as zeros', () => {
    const [busy, empty] = sentimentShares([
      point({ mentions: 4, positive: 2, neutral: 1, negative: 1, netSentiment: 0 }),
      point(),
    ]);
    expect(busy).toMatchObject({ total: 4, positive: 0.5, neutral: 0.25, negative: 0.25, net: 0 });
    expect(empty).toMatchObject({ total: 0, positive: 0, neutral: 0, negative: 0, net: null });
  });

  it('draws net sentiment from +1 (top) to -1 (bottom), with gaps for missing values', () => {
    expect(netSentimentPath([1, null, -1, 0], 400, 100)).toBe('M50 0 M250 100 L350 50');
  });

  it('orders share of voice largest first, computing shares when the api has none', () => {
    const slices = voiceSlices([
      {
        brandId: 'c',
        name: 'Rival',
        own: false,
        mentions: 1,
        reach: 0,
        shareByMentions: null,
        shareByReach: null,
      },
      {
        brandId: 'o',
        name: 'Ours',
        own: true,
        mentions: 3,
        reach: 0,
        shareByMentions: null,
        shareByReach: null,
      },
    ]);
    expect(slices.map((slice) => [slice.name, slice.share])).toEqual([
      ['Ours', 0.75],
      ['Rival', 0.25],
    ]);
  });

  it('picks evenly spaced axis labels including both ends', () => {
    expect(labelIndexes(3, 5)).toEqual([0, 1, 2]);
    expect(labelIndexes(30, 4)).toEqual([0, 10, 19, 29]);
    expect(labelIndexes(0, 4)).toEqual([]);
  });
});
