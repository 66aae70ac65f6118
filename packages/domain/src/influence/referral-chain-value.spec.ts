import { describe, expect, it } from 'vitest';
import { referralChainValue } from './referral-chain-value.js';

const refer = (referrerId: string, referredId: string) => ({ referrerId, referredId });
const revenue = new Map([
  ['b', 100],
  ['c', 50],
  ['d', 20],
  ['e', 5],
  ['a', 1000],
]);

describe(referralChainValue.name, () => {
  it('sums direct and transitive revenue and reports the depth', () => {
    const sut = referralChainValue(
      'a',
      [refer('a', 'b'), refer('a', 'c'), refer('b', 'd'), refer('d', 'e')],
      revenue,
    );
    expect(sut).toMatchObject({
      directRevenue: 150,
      indirectRevenue: 25,
      totalRevenue: 175,
      depth: 3,
    });
    expect(sut.levels.map((l) => [l.depth, l.contacts, l.revenue])).toEqual([
      [1, ['b', 'c'], 150],
      [2, ['d'], 20],
      [3, ['e'], 5],
    ]);
  });

  it('stops at cycles and never counts the contact itself', () => {
    const sut = referralChainValue(
      'a',
      [refer('a', 'b'), refer('b', 'c'), refer('c', 'a'), refer('c', 'b')],
      revenue,
    );
    expect(sut.totalRevenue).toBe(150);
    expect(sut.depth).toBe(2);
  });

  it('counts a customer reachable by two paths once, at the shortest distance', () => {
    const sut = referralChainValue(
      'a',
      [refer('a', 'b'), refer('a', 'c'), refer('b', 'c'), refer('b', 'd'), refer('c', 'd')],
      revenue,
    );
    expect(sut.levels.map((l) => l.contacts)).toEqual([['b', 'c'], ['d']]);
    expect(sut.totalRevenue).toBe(170);
  });

  it('values a contact who referred nobody, or customers without revenue, at 0', () => {
    expect(referralChainValue('e', [refer('a', 'b')], revenue)).toEqual({
      directRevenue: 0,
      indirectRevenue: 0,
      totalRevenue: 0,
      depth: 0,
      levels: [],
    });
    expect(referralChainValue('x', [refer('x', 'unknown')], revenue).totalRevenue).toBe(0);
  });
});
