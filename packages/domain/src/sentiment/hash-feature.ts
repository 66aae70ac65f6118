/**
 * Maps a feature name to one of `2^bits` buckets with 32-bit FNV-1a over UTF-16 code units.
 * The model stores buckets, not strings, so training and scoring must use this same function.
 */
export function hashFeature(name: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & ((1 << bits) - 1);
}
