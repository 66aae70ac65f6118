import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  segmentContactArbitrary,
  segmentNowArbitrary,
  segmentRuleArbitrary,
} from '../testing/segment-arbitraries.js';
import { evaluateSegmentRule } from './evaluate-segment-rule.js';
import type { SegmentContact } from './segment-contact.js';
import type { SegmentRule } from './segment-rule.js';
import { validateSegmentRule } from './validate-segment-rule.js';

const now = new Date('2024-06-15T12:00:00Z');

const ana: SegmentContact = {
  firstName: 'Ana',
  email: 'ana@example.com',
  gender: 'female',
  birthDate: new Date('1990-06-15T00:00:00Z'),
  country: 'ES',
  lifecycleStage: 'customer',
  rfmRecency: 5,
  rfmSegment: 'champions',
  clv: 1250.5,
  channels: ['instagram', 'email'],
  tags: ['VIP', 'newsletter'],
  lastInteractionAt: '2024-06-01T09:00:00Z',
};

function matches(rule: SegmentRule, contact: SegmentContact = ana): boolean {
  return evaluateSegmentRule(rule, contact, now);
}

describe(evaluateSegmentRule.name, () => {
  it('compares text ignoring case', () => {
    expect(matches({ field: 'firstName', op: 'equals', value: 'ANA' })).toBe(true);
    expect(matches({ field: 'email', op: 'endsWith', value: '@EXAMPLE.com' })).toBe(true);
    expect(matches({ field: 'country', op: 'in', values: ['fr', 'es'] })).toBe(true);
    expect(matches({ field: 'email', op: 'notContains', value: 'ana' })).toBe(false);
  });

  it('computes age in whole years at now', () => {
    expect(matches({ field: 'age', op: '=', value: 34 })).toBe(true);
    expect(matches({ field: 'age', op: 'between', from: 18, to: 33 })).toBe(false);
  });

  it('reads relative windows back from now', () => {
    expect(matches({ field: 'lastInteractionAt', op: 'inLast', amount: 15, unit: 'days' })).toBe(
      true,
    );
    expect(matches({ field: 'lastInteractionAt', op: 'inLast', amount: 14, unit: 'days' })).toBe(
      false,
    );
    expect(
      matches({ field: 'lastInteractionAt', op: 'moreThanAgo', amount: 1, unit: 'weeks' }),
    ).toBe(true);
  });

  it('matches sets exactly and tags ignoring case', () => {
    expect(matches({ field: 'channels', op: 'containsAll', values: ['email', 'instagram'] })).toBe(
      true,
    );
    expect(matches({ field: 'channels', op: 'containsNone', values: ['x', 'tiktok'] })).toBe(true);
    expect(matches({ field: 'tags', op: 'containsAny', values: ['vip'] })).toBe(true);
  });

  it('makes every comparison on a missing value false and its negation true', () => {
    const nobody: SegmentContact = { firstName: null };
    const rules: SegmentRule[] = [
      { field: 'firstName', op: 'notEquals', value: 'Bob' },
      { field: 'clv', op: '<', value: 10 },
      { field: 'createdAt', op: 'before', value: '2030-01-01T00:00:00.000Z' },
      { field: 'gender', op: 'notIn', values: ['male'] },
      { field: 'age', op: '>=', value: 0 },
    ];
    for (const rule of rules) {
      expect(matches(rule, nobody)).toBe(false);
      expect(matches({ not: rule }, nobody)).toBe(true);
    }
    expect(matches({ field: 'firstName', op: 'isEmpty' }, { firstName: '' })).toBe(true);
    expect(matches({ field: 'tags', op: 'containsNone', values: ['vip'] }, nobody)).toBe(true);
  });

  it('matches everyone with an empty all and no one with an empty any', () => {
    expect(matches({ all: [] })).toBe(true);
    expect(matches({ any: [] })).toBe(false);
  });

  it('never throws on a validated rule', () => {
    fc.assert(
      fc.property(
        segmentRuleArbitrary(),
        segmentContactArbitrary,
        segmentNowArbitrary,
        (rule, contact, at) => {
          const validated = validateSegmentRule(rule);
          expect(validated.ok).toBe(true);
          if (validated.ok)
            expect(typeof evaluateSegmentRule(validated.rule, contact, at)).toBe('boolean');
        },
      ),
    );
  });

  it('treats not(not(r)) as r', () => {
    fc.assert(
      fc.property(
        segmentRuleArbitrary(),
        segmentContactArbitrary,
        segmentNowArbitrary,
        (rule, contact, at) => {
          expect(evaluateSegmentRule({ not: { not: rule } }, contact, at)).toBe(
            evaluateSegmentRule(rule, contact, at),
          );
        },
      ),
    );
  });

  it('obeys De Morgan', () => {
    const pair = fc.tuple(segmentRuleArbitrary(2), segmentRuleArbitrary(2));
    fc.assert(
      fc.property(pair, segmentContactArbitrary, segmentNowArbitrary, ([a, b], contact, at) => {
        expect(evaluateSegmentRule({ not: { all: [a, b] } }, contact, at)).toBe(
          evaluateSegmentRule({ any: [{ not: a }, { not: b }] }, contact, at),
        );
      }),
    );
  });
});
