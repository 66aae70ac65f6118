/** A source of uniform numbers in [0, 1), like `Math.random` but reproducible. */
export type RandomSource = () => number;

/**
 * Mulberry32, a small 32-bit generator: reproducible from `seed`, fast, and statistically
 * adequate for simulation (period 2³², far more than the draws a benchmark makes). Domain
 * code takes randomness from here instead of `Math.random` so results can be replayed.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
