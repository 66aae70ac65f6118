import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BrandTerms, compileBrandMatcher } from './brand-matcher.js';

const brand = (id: string, terms: Partial<Omit<BrandTerms, 'id'>>): BrandTerms => ({
  id,
  keywords: [],
  hashtags: [],
  handles: [],
  excludedTerms: [],
  ...terms,
});

const matcherFor = (terms: Partial<Omit<BrandTerms, 'id'>>) =>
  compileBrandMatcher([brand('brand', terms)]);

describe(compileBrandMatcher.name, () => {
  describe('keywords and phrases', () => {
    it.each([
      ['Spanish', 'Café Aurora', '¡Me encanta el cafe aurora de la esquina!'],
      ['Spanish, accent only in the post', 'cafe aurora', 'Desayuno en CAFÉ AURORA.'],
      ['English', 'Starbucks', 'Grabbing a coffee at starbucks, anyone?'],
      ['Portuguese', 'Pão de Açúcar', 'Fila enorme no PAO DE ACUCAR hoje'],
      ['Russian', 'Кофе Аврора', 'Лучший латте — кофе аврора!'],
      ['Russian, ё written е', 'Ёлки-Палки', 'Ужинали в елки-палки вчера'],
      ['Russian, е written ё', 'Елки', 'Ёлки зелёные'],
    ])('match whatever the case and accents (%s)', (_, keyword, text) => {
      expect(matcherFor({ keywords: [keyword] }).match(text)).toEqual(['brand']);
    });

    it.each([
      ['English', 'nova', 'Novak Djokovic watched a supernova'],
      ['Spanish', 'sol', 'Qué soleado está, solamente girasoles'],
      ['Portuguese', 'pão', 'Comprei pãozinho'],
      ['Russian', 'аврора', 'Авроранет и суперавроры'],
      ['digits continue a word', 'nova', 'nova2 and 3nova'],
      ['underscore continues a word', 'nova', 'nova_x'],
    ])('match whole words only (%s)', (_, keyword, text) => {
      expect(matcherFor({ keywords: [keyword] }).match(text)).toEqual([]);
    });

    it('lets the words of a phrase be apart by any run of whitespace', () => {
      const sut = matcherFor({ keywords: ['café aurora'] });
      expect(sut.match('café  aurora')).toEqual(['brand']);
      expect(sut.match('Café\n\taurora')).toEqual(['brand']);
    });

    it('does not match a phrase whose words are apart by punctuation or glued', () => {
      const sut = matcherFor({ keywords: ['café aurora'] });
      expect(sut.match('café, aurora')).toEqual([]);
      expect(sut.match('cafeaurora')).toEqual([]);
    });

    it('keeps punctuation inside a term literal', () => {
      const sut = matcherFor({ keywords: ['Coca-Cola', 'C++'] });
      expect(sut.match('Una coca-cola bien fría')).toEqual(['brand']);
      expect(sut.match('I write c++ daily')).toEqual(['brand']);
      expect(sut.match('coca cola')).toEqual([]);
    });

    it('matches a keyword at the start and end of the text and before punctuation', () => {
      const sut = matcherFor({ keywords: ['nova'] });
      expect(['nova', 'Nova!', '(nova)', '"NOVA".'].map((text) => sut.match(text))).toEqual([
        ['brand'],
        ['brand'],
        ['brand'],
        ['brand'],
      ]);
    });

    it('matches terms written in a script outside the basic plane', () => {
      const sut = matcherFor({ keywords: ['𠮷野家'] });
      expect(sut.match('Lunch at 𠮷野家 again, 𠮷野家!')).toEqual(['brand']);
    });
  });

  describe('hashtags', () => {
    it('match the whole tag whatever its case and accents', () => {
      const sut = matcherFor({ hashtags: ['#cafeaurora'] });
      expect(sut.match('Domingo #CafeAurora')).toEqual(['brand']);
      expect(sut.match('#cafeaurora, #brunch')).toEqual(['brand']);
      expect(sut.match('#CaféAurora')).toEqual(['brand']);
    });

    it('do not match a longer tag that starts with them', () => {
      const sut = matcherFor({ hashtags: ['#cafeaurora'] });
      expect(sut.match('#cafeaurora2026 #cafeaurora_es #cafeauroras')).toEqual([]);
    });

    it('match when stored without the leading #', () => {
      expect(matcherFor({ hashtags: ['pãodeaçúcar'] }).match('#PaoDeAcucar')).toEqual(['brand']);
    });

    it('match in Russian', () => {
      expect(matcherFor({ hashtags: ['#кофеаврора'] }).match('Утро #КофеАврора')).toEqual([
        'brand',
      ]);
    });

    it('need the # in the post', () => {
      expect(matcherFor({ hashtags: ['#cafeaurora'] }).match('cafeaurora')).toEqual([]);
    });

    it('let a single-word keyword match a tag equal to it, never a part of a tag', () => {
      const sut = matcherFor({ keywords: ['starbucks', 'aurora'] });
      expect(sut.match('#Starbucks')).toEqual(['brand']);
      expect(sut.match('#cafeaurora #starbucksreserve')).toEqual([]);
    });
  });

  describe('handles', () => {
    it('match the whole handle whatever its case, before trailing punctuation', () => {
      const sut = matcherFor({ handles: ['@starbucks'] });
      expect(
        ['@Starbucks', 'gracias @starbucks.', '@STARBUCKS, thanks', '(@starbucks)'].map((text) =>
          sut.match(text),
        ),
      ).toEqual([['brand'], ['brand'], ['brand'], ['brand']]);
    });

    it('do not match a longer handle or an e-mail address', () => {
      const sut = matcherFor({ handles: ['@starbucks'] });
      expect(sut.match('@starbucks_es @starbucks2 @starbucksbr')).toEqual([]);
      expect(sut.match('write to help@starbucks.com')).toEqual([]);
    });

    it('match when stored without the leading @', () => {
      expect(matcherFor({ handles: ['paodeacucar'] }).match('Oi @PaoDeAcucar!')).toEqual(['brand']);
    });

    it('are not found by a keyword equal to the account name', () => {
      expect(matcherFor({ keywords: ['starbucks'] }).match('@starbucks hi')).toEqual([]);
    });
  });

  describe('exclusions', () => {
    const sut = compileBrandMatcher([
      brand('nova', { keywords: ['nova'], excludedTerms: ['bossa nova', '#supernova'] }),
      brand('aurora', { keywords: ['aurora'], excludedTerms: ['aurora boreal'] }),
    ]);

    it('keep a post away from the brand whose excluded term it contains', () => {
      expect(sut.match('Noche de bossa nova en Nova Bar')).toEqual([]);
      expect(sut.match('Nova #SuperNova')).toEqual([]);
    });

    it('match excluded phrases like keywords, whatever the case, accents and spacing', () => {
      expect(sut.match('Vimos la AURORA   BORÉAL y luego Aurora')).toEqual([]);
    });

    it('leave the other brands of the post matched', () => {
      expect(sut.match('Bossa nova con café aurora')).toEqual(['aurora']);
    });

    it('do not exclude on a part of a word', () => {
      expect(sut.match('nova bossanovas')).toEqual(['nova']);
    });

    it('apply in Russian', () => {
      const russian = compileBrandMatcher([
        brand('aurora', { keywords: ['Аврора'], excludedTerms: ['крейсер аврора'] }),
      ]);
      expect(russian.match('Крейсер «Аврора» в Петербурге')).toEqual(['aurora']);
      expect(russian.match('Крейсер Аврора в Петербурге')).toEqual([]);
    });
  });

  describe('links', () => {
    it('ignore terms inside URLs', () => {
      const sut = matcherFor({ keywords: ['nova'], hashtags: ['#nova'], handles: ['@nova'] });
      expect(sut.match('https://nova.example/nova?x=#nova http://a.b/@nova www.nova.com')).toEqual(
        [],
      );
    });

    it('still match the terms around a URL', () => {
      const sut = matcherFor({ keywords: ['nova'] });
      expect(sut.match('Nova: https://example.com/abc')).toEqual(['brand']);
    });
  });

  describe('brand order and overlaps', () => {
    const sut = compileBrandMatcher([
      brand('cafe', { keywords: ['cafe'] }),
      brand('aurora', { keywords: ['cafe aurora'] }),
      brand('starbucks', { handles: ['@starbucks'] }),
      brand('sky', { keywords: ['aurora'] }),
    ]);

    it('returns ids in the order the brands were given, not the order in the post', () => {
      expect(sut.match('@starbucks vs Café Aurora')).toEqual([
        'cafe',
        'aurora',
        'starbucks',
        'sky',
      ]);
    });

    it('finds terms that share words or overlap', () => {
      expect(sut.match('cafe  aurora')).toEqual(['cafe', 'aurora', 'sky']);
    });

    it('returns each id once however often its terms occur', () => {
      expect(sut.match('cafe cafe CAFÉ café')).toEqual(['cafe']);
    });

    it('returns [] for a post that matches no brand', () => {
      expect(sut.match('Nothing to see here, cafeteria auroras')).toEqual([]);
      expect(sut.match('')).toEqual([]);
    });
  });

  it('ignores terms without a letter or digit', () => {
    const sut = matcherFor({ keywords: ['', '   ', '!!!'], hashtags: ['#'], handles: ['@'] });
    expect(sut.match('!!! # @ anything')).toEqual([]);
  });

  it('matches nothing when no brand is tracked', () => {
    expect(compileBrandMatcher([]).match('Café Aurora')).toEqual([]);
  });

  it('rejects two brands with the same id', () => {
    expect(() =>
      compileBrandMatcher([brand('x', { keywords: ['a'] }), brand('x', { keywords: ['b'] })]),
    ).toThrow(/"x"/);
  });

  describe('invariants', () => {
    const words = ['cafe', 'café', 'aurora', 'nova', 'novak', 'starbucks', 'pão', 'açúcar'];
    const cyrillic = ['кофе', 'аврора', 'ёлка', 'елка', 'чай'];
    const vocabulary = [...words, ...cyrillic];
    const separators = [' ', '  ', ', ', '#', '@', '.', '\n', '!', '_', '-', 'https://'];
    const term = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc
        .tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...vocabulary))
        .map(([a, b]) => `${a} ${b}`),
    );
    const brandTerms = fc.record({
      keywords: fc.array(term, { maxLength: 3 }),
      hashtags: fc.array(
        fc.constantFrom(...vocabulary).map((w) => `#${w}`),
        { maxLength: 2 },
      ),
      handles: fc.array(
        fc.constantFrom(...vocabulary).map((w) => `@${w}`),
        { maxLength: 2 },
      ),
      excludedTerms: fc.array(term, { maxLength: 2 }),
    });
    const brands = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
      .chain((ids) => fc.tuple(...ids.map((id) => brandTerms.map((terms) => ({ id, ...terms })))));
    const post = fc
      .array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), {
        maxLength: 25,
      })
      .map((parts) => parts.join(''));
    const anyText = fc.oneof(post, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

    it('never throws, and returns brand ids once each in the brands’ order', () => {
      fc.assert(
        fc.property(brands, anyText, (tracked, text) => {
          const ids = tracked.map((b) => b.id);
          const result = compileBrandMatcher(tracked).match(text);
          expect(result).toEqual(ids.filter((id) => result.includes(id)));
        }),
      );
    });

    it('compiles and matches whatever characters the terms hold', () => {
      const anyTerms = fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 });
      fc.assert(
        fc.property(anyTerms, anyTerms, anyText, (keywords, excludedTerms, text) => {
          const sut = compileBrandMatcher([
            brand('b', { keywords, hashtags: keywords, handles: keywords, excludedTerms }),
          ]);
          expect(sut.match(text).length).toBeLessThanOrEqual(1);
        }),
      );
    });

    it('finds each keyword in a post made of that keyword alone', () => {
      fc.assert(
        fc.property(term, (keyword) => {
          expect(matcherFor({ keywords: [keyword] }).match(keyword.toUpperCase())).toEqual([
            'brand',
          ]);
        }),
      );
    });

    it('does not depend on the case of the post', () => {
      fc.assert(
        fc.property(brands, post, (tracked, text) => {
          const sut = compileBrandMatcher(tracked);
          const expected = sut.match(text);
          expect(sut.match(text.toUpperCase())).toEqual(expected);
          expect(sut.match(text.toLowerCase())).toEqual(expected);
        }),
      );
    });

    it('does not depend on accents added to plain letters of the post', () => {
      const accented: Readonly<Record<string, string>> = {
        a: 'á',
        e: 'é',
        i: 'í',
        o: 'ô',
        u: 'ü',
        n: 'ñ',
        c: 'ç',
      };
      fc.assert(
        fc.property(
          brands,
          post,
          fc.array(fc.constantFrom('keep', 'precomposed', 'combining'), { minLength: 1 }),
          (tracked, text, choices) => {
            const withAccents = [...text]
              .map((character, index) => {
                const accent = accented[character];
                const choice = choices[index % choices.length];
                if (accent === undefined || choice === 'keep') {
                  return character;
                }
                return choice === 'precomposed' ? accent : accent.normalize('NFD');
              })
              .join('');
            const sut = compileBrandMatcher(tracked);
            expect(sut.match(withAccents)).toEqual(sut.match(text));
          },
        ),
      );
    });

    it('never matches a brand that has no keyword, hashtag or handle', () => {
      fc.assert(
        fc.property(
          brands,
          fc.array(term, { maxLength: 3 }),
          anyText,
          (tracked, excluded, text) => {
            const silent = brand('silent', {
              excludedTerms: excluded,
              hashtags: ['#'],
              handles: [],
            });
            const others = tracked.filter((b) => b.id !== 'silent');
            const result = compileBrandMatcher([silent, ...others]).match(`${text} ${excluded}`);
            expect(result).not.toContain('silent');
          },
        ),
      );
    });
  });
});
