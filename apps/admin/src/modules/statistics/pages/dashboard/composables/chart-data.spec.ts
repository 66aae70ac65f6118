import { describe, expect, it } from 'vitest';
import { pickerDateFormat } from '../../../../../lib/picker-date-format.js';
import type { VolumePoint } from '../../../stats.documents.js';
import {
  alignPrevious,
  bucketFor,
  bucketRange,
  DAY_MS,
  delta,
  deltaTone,
  feedQuery,
  kpiDeltas,
  kpisOf,
  periodFor,
  periodInput,
  periodOf,
  previousPeriod,
  rangeFromQuery,
  rangeToQuery,
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
  ownShareByMentions: null,
  spike: false,
  ...overrides,
});
const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it('measures the last whole UTC days, in weeks for 90 days', () => {
    const now = at('2026-03-10T15:30:00Z');
    expect(periodFor('7d', now)).toEqual({
      from: '2026-03-04T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      bucket: 'DAY',
    });
    expect(periodFor('90d', now).bucket).toBe('WEEK');
  });

  it('reads a custom range of days (both included) or a preset from the URL', () => {
    expect(rangeFromQuery({ from: '2026-03-01', to: '2026-03-14' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-14',
    });
    expect(rangeFromQuery({ range: '7d' })).toEqual({ preset: '7d' });
    expect(rangeFromQuery({})).toEqual({ preset: '30d' });
    // Reversed, malformed or longer than the api measures: the default.
    expect(rangeFromQuery({ from: '2026-03-14', to: '2026-03-01' })).toEqual({ preset: '30d' });
    expect(rangeFromQuery({ from: 'yesterday', to: '2026-03-01' })).toEqual({ preset: '30d' });
    expect(rangeFromQuery({ from: '2020-01-01', to: '2026-03-01' })).toEqual({ preset: '30d' });
    expect(rangeToQuery({ preset: '30d' })).toEqual({
      range: undefined,
      from: undefined,
      to: undefined,
    });
    expect(rangeToQuery({ from: '2026-03-01', to: '2026-03-02' })).toEqual({
      range: undefined,
      from: '2026-03-01',
      to: '2026-03-02',
    });
  });

  it('measures a custom range up to the end of its last day, by day or by week', () => {
    const period = periodOf({ from: '2026-03-01', to: '2026-03-14' }, 0);
    expect(periodInput(period)).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-15T00:00:00.000Z',
      bucket: 'DAY',
    });
    expect(bucketFor(62)).toBe('DAY');
    expect(bucketFor(63)).toBe('WEEK');
  });

  it("writes the date picker in the locale's numeric date order", () => {
    expect(pickerDateFormat('es')).toBe('dd/mm/yy');
    expect(pickerDateFormat('en')).toBe('mm/dd/yy');
    expect(pickerDateFormat('ru')).toBe('dd.mm.yy');
  });

  it('compares with the previous period of the same length, just before', () => {
    const period = periodOf({ from: '2026-03-08', to: '2026-03-14' }, 0);
    expect(periodInput(previousPeriod(period))).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
      bucket: 'DAY',
    });
  });
});

describe('changes against the previous period', () => {
  it('gives the absolute and relative change, none without a previous value or from zero', () => {
    expect(delta(12, 8)).toEqual({ current: 12, previous: 8, absolute: 4, relative: 0.5 });
    expect(delta(3, 0)).toEqual({ current: 3, previous: 0, absolute: 3, relative: null });
    expect(delta(null, 5)).toMatchObject({ absolute: null, relative: null });
    // A score falling from −0.5 to −1 is a 100 % fall, not a rise.
    expect(delta(-1, -0.5)).toMatchObject({ absolute: -0.5, relative: -1 });
  });

  it('sums the KPIs of a period from its buckets', () => {
    const kpis = kpisOf({
      mentions: 5,
      volume: [
        point({ mentions: 3, positive: 2, negative: 1, reach: 100 }),
        point({ mentions: 2, neutral: 2, reach: 50 }),
      ],
      netSentiment: 0.33,
      ownShareByMentions: 0.8,
      alerts: [point()],
    });
    expect(kpis).toEqual({
      mentions: 5,
      reach: 150,
      netSentiment: 0.33,
      ownShare: 0.8,
      positiveShare: 0.4,
      alerts: 1,
    });
  });

  it('compares every KPI and judges which changes are good news', () => {
    const current = {
      mentions: 6,
      reach: 0,
      netSentiment: 0.5,
      ownShare: 0.6,
      positiveShare: null,
      alerts: 2,
    };
    const previous = {
      mentions: 4,
      reach: 0,
      netSentiment: 1,
      ownShare: 0.5,
      positiveShare: 0.5,
      alerts: 1,
    };
    const deltas = kpiDeltas(current, previous);
    expect(deltas.mentions).toMatchObject({ absolute: 2, relative: 0.5 });
    expect(deltas.netSentiment).toMatchObject({ absolute: -0.5, relative: -0.5 });
    expect(deltas.ownShare.absolute).toBeCloseTo(0.1);
    expect(deltas.positiveShare.absolute).toBeNull();
    expect(deltaTone('mentions', deltas.mentions)).toBe('up');
    expect(deltaTone('netSentiment', deltas.netSentiment)).toBe('down');
    expect(deltaTone('alerts', deltas.alerts)).toBe('down');
    expect(deltaTone('reach', deltas.reach)).toBe('flat');
    expect(deltaTone('positiveShare', deltas.positiveShare)).toBeNull();
    expect(kpiDeltas(current, null).mentions).toMatchObject({ previous: null, absolute: null });
  });

  it('lines the previous period up bucket by bucket for the ghost series', () => {
    const current = [point(), point(), point()];
    expect(alignPrevious(current, [point({ mentions: 4 }), point({ mentions: 1 })])).toEqual([
      4,
      1,
      null,
    ]);
    expect(alignPrevious(current, null)).toEqual([null, null, null]);
  });
});

describe('click-through to the live feed', () => {
  const period = periodOf({ from: '2026-03-01', to: '2026-03-07' }, 0);

  it('opens a bucket as [its start, the next bucket) clamped to the period', () => {
    const weekly = [
      point({ bucketStart: '2026-02-23T00:00:00.000Z' }),
      point({ bucketStart: '2026-03-02T00:00:00.000Z' }),
    ];
    expect(bucketRange(weekly, 0, period)).toEqual({
      from: at('2026-03-01T00:00:00Z'),
      to: at('2026-03-02T00:00:00Z'),
    });
    expect(bucketRange(weekly, 1, period)).toEqual({
      from: at('2026-03-02T00:00:00Z'),
      to: period.to,
    });
    expect(bucketRange(weekly, 2, period)).toBeNull();
  });

  it('filters the feed to the period and brands, narrowed by what was clicked', () => {
    const from = '2026-03-01T00:00:00.000Z';
    const to = '2026-03-08T00:00:00.000Z';
    expect(feedQuery(period, [], { kind: 'period' })).toEqual({ from, to });
    expect(feedQuery(period, ['b1', 'b2'], { kind: 'channel', channel: 'X' })).toEqual({
      from,
      to,
      brand: ['b1', 'b2'],
      channel: ['X'],
    });
    expect(feedQuery(period, ['b1'], { kind: 'brand', id: 'b2' }).brand).toEqual(['b2']);
    expect(feedQuery(period, [], { kind: 'language', language: 'es' }).language).toEqual(['es']);
    expect(feedQuery(period, [], { kind: 'author', handle: '@fan1' }).author).toBe('fan1');
    expect(feedQuery(period, [], { kind: 'term', term: 'coffee' }).q).toBe('coffee');
    expect(feedQuery(period, [], { kind: 'hashtag', tag: 'aurora' }).q).toBe('#aurora');
    const day = at('2026-03-03T00:00:00Z');
    expect(
      feedQuery(period, [], { kind: 'bucket', from: day, to: day + DAY_MS, sentiment: 'NEGATIVE' }),
    ).toEqual({
      from: '2026-03-03T00:00:00.000Z',
      to: '2026-03-04T00:00:00.000Z',
      sentiment: ['NEGATIVE'],
    });
  });
});

describe('chart data', () => {
  it('turns counts into sentiment shares per bucket, empty buckets as zeros', () => {
    const [busy, empty] = sentimentShares([
      point({ mentions: 4, positive: 2, neutral: 1, negative: 1, netSentiment: 0 }),
      point(),
    ]);
    expect(busy).toMatchObject({ total: 4, positive: 0.5, neutral: 0.25, negative: 0.25, net: 0 });
    expect(empty).toMatchObject({ total: 0, positive: 0, neutral: 0, negative: 0, net: null });
  });

  it('orders share of voice largest first, computing shares when the api has none', () => {
    const share = { reach: 0, shareByMentions: null, shareByReach: null };
    const slices = voiceSlices([
      { brandId: 'c', name: 'Rival', own: false, mentions: 1, ...share },
      { brandId: 'o', name: 'Ours', own: true, mentions: 3, ...share },
    ]);
    expect(slices.map((slice) => [slice.name, slice.share])).toEqual([
      ['Ours', 0.75],
      ['Rival', 0.25],
    ]);
  });
});
