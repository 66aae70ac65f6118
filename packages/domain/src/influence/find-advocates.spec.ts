import { describe, expect, it } from 'vitest';
import { type BrandMention, findAdvocates, type Referral } from './find-advocates.js';

const now = new Date('2024-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const mentions = (authorId: string, sentiment: BrandMention['sentiment'], ...ages: number[]) =>
  ages.map((d): BrandMention => ({ authorId, sentiment, at: daysAgo(d) }));
const referral = (referrerId: string, age: number): Referral => ({
  referrerId,
  referredId: `${referrerId}-friend-${age}`,
  at: daysAgo(age),
});

describe(findAdvocates.name, () => {
  it('finds repeated positive mentioners and referrers, referrers first', () => {
    const sut = findAdvocates(
      [...mentions('fan', 'positive', 1, 10, 20), ...mentions('referrer', 'neutral', 3)],
      [referral('referrer', 5)],
      now,
    );
    expect(sut.map((a) => [a.contactId, a.reasons])).toEqual([
      ['referrer', ['referrals']],
      ['fan', ['repeatedPositiveMentions']],
    ]);
  });

  it('ignores mentions and referrals outside the window', () => {
    const sut = findAdvocates(
      mentions('old-fan', 'positive', 1, 2, 91),
      [referral('old-referrer', 90), referral('future', -1)],
      now,
    );
    expect(sut).toEqual([]);
  });

  it('requires mostly positive opinions, not just many positives', () => {
    const mixed = [
      ...mentions('mixed', 'positive', 1, 2, 3),
      ...mentions('mixed', 'negative', 4, 5),
    ];
    expect(findAdvocates(mixed, [], now)).toEqual([]);
    const mostly = [
      ...mentions('mostly', 'positive', 1, 2, 3),
      ...mentions('mostly', 'negative', 4),
    ];
    expect(findAdvocates(mostly, [], now)).toMatchObject([
      { contactId: 'mostly', positiveMentions: 3, negativeMentions: 1, referrals: 0 },
    ]);
  });

  it('applies custom thresholds', () => {
    const thresholds = {
      windowDays: 7,
      minPositiveMentions: 1,
      minPositiveShare: 0.5,
      minReferrals: 2,
    };
    const sut = findAdvocates(mentions('a', 'positive', 1), [referral('b', 1)], now, thresholds);
    expect(sut.map((a) => a.contactId)).toEqual(['a']);
  });
});
