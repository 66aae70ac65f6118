import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe(detectLanguage.name, () => {
  it.each([
    ['es', 'Hoy hace un día precioso para ir a la playa con mis amigos'],
    ['en', 'The weather is lovely today, going to the beach with my friends'],
    ['pt', 'Hoje está um dia lindo para ir à praia com os meus amigos'],
    ['ru', 'Сегодня прекрасная погода, идём на пляж с друзьями'],
  ])('detects %s', (language, text) => {
    const sut = detectLanguage(text);
    expect(sut.language).toBe(language);
    expect(sut.confidence).toBeGreaterThan(0);
    expect(sut.confidence).toBeLessThanOrEqual(1);
  });

  it('reads a short Russian post full of Latin handles and links as Russian', () => {
    expect(detectLanguage('@some_long_handle ахах да https://t.co/xyz').language).toBe('ru');
  });

  it('uses the words of hashtags', () => {
    expect(detectLanguage('#MasterChefBR tá top demais').language).toBe('pt');
  });

  it('returns und with no confidence for a post without letters', () => {
    expect(detectLanguage('😍😍 123 https://t.co/x')).toEqual({ language: 'und', confidence: 0 });
  });
});
