import { canonicalTerm, collapseWhitespace, termPattern, WORD_CHARACTER } from './brand-term.js';
import { foldText } from './fold-text.js';
import type { TrackedBrand } from './tracked-brand.js';

/** The parts of a tracked brand that matching reads; a whole `TrackedBrand` fits. */
export type BrandTerms = Pick<
  TrackedBrand,
  'id' | 'keywords' | 'hashtags' | 'handles' | 'excludedTerms'
>;

/** One tenant's tracked brands, compiled once to match many mention texts. */
export interface BrandMatcher {
  /** Ids of the brands `text` belongs to, in the order the brands were given; `[]` for none. */
  match(text: string): string[];
}

// A term found in a post marks brands: `brand index * 2`, plus 1 when it excludes the brand.
type TermMarks = readonly number[];

const IS_WORD_CHARACTER = new RegExp(`^${WORD_CHARACTER}$`, 'u');
// Terms inside links do not count: a shop URL says nothing about who is talked about.
const URL = String.raw`(?:https?:\/\/|www\.)\S+`;

/**
 * Compiles a tenant's tracked brands into one matcher. A post belongs to a brand when it
 * contains one of the brand's keywords, hashtags or handles and none of its excluded terms.
 *
 * - Comparison is case- and accent-insensitive in every script (`Café` = `cafe`, `Ё` = `Е`).
 * - A term matches whole words only: `nova` is not found in `novak`, `supernova`,
 *   `#supernova`, `@nova_news` or `nova_x`. Words of a phrase may be apart by any whitespace.
 * - A hashtag or handle matches the whole tag or handle: `#cafeaurora` is not found in
 *   `#cafeaurora2026`, `@starbucks` is found in `@starbucks.` but not in `@starbucks_es` or
 *   `me@starbucks.com`.
 * - A keyword matches a hashtag equal to it (`starbucks` in `#Starbucks`) but never a part of a
 *   tag (`aurora` in `#cafeaurora`) nor a handle (`starbucks` in `@starbucks`): tags are read as
 *   words, handles only through the brand's handles.
 * - Text of a link (`http://`, `https://`, `www.` up to the next whitespace) is ignored.
 * - Terms without a letter or digit are ignored; a brand left without terms never matches.
 *
 * Everything is folded and joined into one regular expression here, so each `match` folds the
 * post once and scans it once.
 *
 * @throws RangeError when two brands share an id.
 */
export function compileBrandMatcher(brands: readonly BrandTerms[]): BrandMatcher {
  const ids = brands.map((brand) => brand.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    throw new RangeError(`brand id "${duplicate}" appears more than once`);
  }
  const marksByTerm = termMarks(brands);
  if (marksByTerm.size === 0) {
    return { match: () => [] };
  }
  // Longest first: at one position the alternation keeps the first term that fits, and
  // `withPrefixTerms` adds back the shorter terms found there.
  const alternatives = [...marksByTerm.keys()]
    .sort((a, b) => b.length - a.length)
    .map(termPattern)
    .join('|');
  const scanner = new RegExp(
    `(?<!${WORD_CHARACTER}|@)(?:${URL}|(${alternatives})(?!${WORD_CHARACTER}))`,
    'gu',
  );
  const marks = withPrefixTerms(marksByTerm);
  return {
    match(text) {
      const post = foldText(text);
      // Bit 1: a term of the brand was found; bit 2: an excluded term was.
      let found: Uint8Array | undefined;
      scanner.lastIndex = 0;
      for (let hit = scanner.exec(post); hit !== null; hit = scanner.exec(post)) {
        const term = hit[1];
        if (term === undefined) {
          // A link, consumed whole: the scan goes on after it.
          continue;
        }
        // Terms may overlap (`cafe aurora`, `aurora`): resume one code point further on.
        scanner.lastIndex = hit.index + ((post.codePointAt(hit.index) ?? 0) > 0xffff ? 2 : 1);
        found ??= new Uint8Array(brands.length);
        for (const mark of marks.get(term) ?? marks.get(collapseWhitespace(term)) ?? []) {
          found[mark >> 1] = (found[mark >> 1] ?? 0) | (mark & 1 ? 2 : 1);
        }
      }
      return found === undefined ? [] : ids.filter((_, index) => found[index] === 1);
    },
  };
}

function termMarks(brands: readonly BrandTerms[]): Map<string, number[]> {
  const marksByTerm = new Map<string, number[]>();
  const add = (raws: readonly string[], mark: number, prefix?: '#' | '@'): void => {
    for (const raw of raws) {
      const term = canonicalTerm(raw, prefix);
      if (term !== null) {
        marksByTerm.set(term, [...(marksByTerm.get(term) ?? []), mark]);
      }
    }
  };
  brands.forEach((brand, index) => {
    add(brand.keywords, index * 2);
    add(brand.hashtags, index * 2, '#');
    add(brand.handles, index * 2, '@');
    add(brand.excludedTerms, index * 2 + 1);
  });
  return marksByTerm;
}

// Where a term is found, so is each term that is its beginning up to a non-word character:
// `cafe` wherever `cafe aurora` is, `coca` wherever `coca-cola` is.
function withPrefixTerms(marksByTerm: ReadonlyMap<string, TermMarks>): Map<string, TermMarks> {
  const result = new Map<string, TermMarks>();
  for (const [term, marks] of marksByTerm) {
    const all = new Set(marks);
    let offset = 0;
    for (const character of term) {
      if (offset > 0 && !IS_WORD_CHARACTER.test(character)) {
        for (const mark of marksByTerm.get(term.slice(0, offset)) ?? []) {
          all.add(mark);
        }
      }
      offset += character.length;
    }
    result.set(term, [...all]);
  }
  return result;
}
