import { describe, expect, it } from 'vitest';
import { stripPostNoise } from './strip-post-noise.js';

describe(stripPostNoise.name, () => {
  it('decodes literal unicode escapes left in exported tweets', () => {
    expect(stripPostNoise('i\\u2019m sorry')).toBe('i’m sorry');
  });

  it('drops URLs and @handles', () => {
    expect(stripPostNoise('@user look https://t.co/abc now').trim()).toBe('look   now');
  });

  it('splits hashtags into their words', () => {
    expect(stripPostNoise('#NoMeGusta').trim()).toBe('No Me Gusta');
    expect(stripPostNoise('#covid_19').trim()).toBe('covid 19');
  });

  it('shortens runs of a letter to two', () => {
    expect(stripPostNoise('adoroooo sooo')).toBe('adoroo soo');
  });

  it('keeps emoji and punctuation', () => {
    expect(stripPostNoise('¡Qué bien! 😍')).toBe('¡Qué bien! 😍');
  });
});
