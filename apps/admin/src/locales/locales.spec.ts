import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../lib/graphql-errors.js';
import en from './en.json';
import es from './es.json';
import ru from './ru.json';

function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('locales', () => {
  it('have the same keys in Spanish, English and Russian', () => {
    const spanish = keysOf(es).sort();
    expect(keysOf(en).sort()).toEqual(spanish);
    expect(keysOf(ru).sort()).toEqual(spanish);
  });

  it('have a message for every api error code', () => {
    for (const code of ERROR_CODES) expect(keysOf(es)).toContain(`errors.${code}`);
  });
});
