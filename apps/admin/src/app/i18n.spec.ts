import { describe, expect, it } from 'vitest';
import { createAppI18n } from './i18n.js';

describe('number formats', () => {
  it('formats shares and scores in each locale', () => {
    const formats = (locale: 'es' | 'en' | 'ru') => {
      const { n } = createAppI18n(locale).global;
      return [n(0.778, 'share'), n(0.3333, 'score'), n(12500, 'count')];
    };
    expect(formats('en')).toEqual(['77.8%', '0.33', '12,500']);
    expect(formats('es').map((text) => text.replace(/\s/g, ' '))).toEqual([
      '77,8 %',
      '0,33',
      '12.500',
    ]);
    expect(formats('ru').map((text) => text.replace(/\s/g, ' '))).toEqual([
      '77,8 %',
      '0,33',
      '12 500',
    ]);
  });
});
