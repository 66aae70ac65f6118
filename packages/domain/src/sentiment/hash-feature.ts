// 32-bit FNV-1a constants (Fowler, Noll, Vo).
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The FNV-1a state of the empty string: fold names into it with `foldFeatureHash`. */
export const EMPTY_FEATURE_HASH = FNV_OFFSET_BASIS;

/**
 * Continues an FNV-1a hash over the UTF-16 code units of `text`. Hashing a name piece by piece
 * (`foldFeatureHash(foldFeatureHash(EMPTY_FEATURE_HASH, 'w:'), word)`) gives the same bucket as
 * hashing the joined string, without building it.
 */
export function foldFeatureHash(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  }
  return hash;
}

/** Continues an FNV-1a hash over one UTF-16 code unit. */
export function foldFeatureHashUnit(state: number, codeUnit: number): number {
  return Math.imul(state ^ codeUnit, FNV_PRIME);
}

/** The bucket of a hash state among `2^bits`. */
export function featureBucket(state: number, bits: number): number {
  return (state >>> 0) & ((1 << bits) - 1);
}

/**
 * Maps a feature name to one of `2^bits` buckets with 32-bit FNV-1a over UTF-16 code units.
 * The model stores buckets, not strings, so training and scoring must use this same function.
 */
export function hashFeature(name: string, bits: number): number {
  return featureBucket(foldFeatureHash(EMPTY_FEATURE_HASH, name), bits);
}
