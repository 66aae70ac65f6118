import { describe, expect, it } from 'vitest';
import {
  type CustomFieldRule,
  canonicalCustomValue,
  checkCustomFieldValues,
  customFieldDefinitionSchema,
} from './custom-field.js';

const rule = (
  type: CustomFieldRule['type'],
  extra: Partial<CustomFieldRule> = {},
): CustomFieldRule => ({
  key: 'k',
  type,
  options: [],
  required: false,
  ...extra,
});

describe('custom field values', () => {
  it('stores numbers as canonical decimal text, never through a float', () => {
    expect(canonicalCustomValue(rule('NUMBER'), '007.500')).toEqual({ value: '7.5' });
    expect(canonicalCustomValue(rule('NUMBER'), '-0.0')).toEqual({ value: '0' });
    expect(canonicalCustomValue(rule('NUMBER'), '123456789012345.1234567891')).toEqual({
      value: '123456789012345.1234567891',
    });
    expect(canonicalCustomValue(rule('NUMBER'), '1e3')).toMatchObject({ reason: 'NUMBER' });
  });

  it('canonical numbers are stable and equal in value to what was given', () => {
    for (let step = 0; step < 2000; step += 1) {
      const whole = (step * 7919 - 5_000_000) * (step % 3 ? 1 : -1);
      const text = `${whole}.${String((step * 37) % 10_000).padStart(4, '0')}`;
      const first = canonicalCustomValue(rule('NUMBER'), text);
      if (!('value' in first)) throw new Error(`${text} refused`);
      expect(canonicalCustomValue(rule('NUMBER'), first.value)).toEqual(first);
      expect(Number(first.value)).toBe(Number(text));
    }
  });

  it('checks dates, booleans and options', () => {
    expect(canonicalCustomValue(rule('DATE'), '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(canonicalCustomValue(rule('DATE'), '2023-02-29')).toMatchObject({ reason: 'DATE' });
    expect(canonicalCustomValue(rule('BOOLEAN'), 'Yes')).toEqual({ value: 'true' });
    expect(canonicalCustomValue(rule('BOOLEAN'), 'maybe')).toMatchObject({ reason: 'BOOLEAN' });
    expect(canonicalCustomValue(rule('ONE_OF', { options: ['a', 'b'] }), 'b')).toEqual({
      value: 'b',
    });
    expect(canonicalCustomValue(rule('ONE_OF', { options: ['a', 'b'] }), 'c')).toMatchObject({
      reason: 'ONE_OF',
    });
  });

  it('names unknown, invalid and missing required fields', () => {
    const rules = [rule('NUMBER', { key: 'n' }), rule('TEXT', { key: 'must', required: true })];
    expect(
      checkCustomFieldValues(rules, { n: 'x', other: '1' }).problems.map((p) => p.field),
    ).toEqual(['customFields.n', 'customFields.other', 'customFields.must']);
    expect(
      checkCustomFieldValues(rules, { n: ' 2 ', must: 'yes', blank: null as never }),
    ).toMatchObject({
      values: { n: '2', must: 'yes' },
    });
  });
});

describe('custom field definitions', () => {
  it('wants slug keys, and options exactly for one-of fields', () => {
    const base = { entity: 'CONTACT', label: 'L' };
    expect(
      customFieldDefinitionSchema.safeParse({ ...base, key: 'good_key1', type: 'TEXT' }).success,
    ).toBe(true);
    expect(
      customFieldDefinitionSchema.safeParse({ ...base, key: 'Bad-Key', type: 'TEXT' }).success,
    ).toBe(false);
    expect(
      customFieldDefinitionSchema.safeParse({ ...base, key: 'k', type: 'ONE_OF' }).error?.issues[0]
        ?.path,
    ).toEqual(['options']);
    expect(
      customFieldDefinitionSchema.safeParse({
        ...base,
        key: 'k',
        type: 'ONE_OF',
        options: ['a', 'a'],
      }).success,
    ).toBe(false);
  });
});
