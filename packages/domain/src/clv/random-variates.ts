import type { RandomSource } from './seeded-random.js';

/** Standard normal draw (Box–Muller; the second value of the pair is not kept, for simplicity). */
export function normalVariate(random: RandomSource): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Exponential draw with the given rate (mean 1/rate). */
export function exponentialVariate(random: RandomSource, rate: number): number {
  return -Math.log(1 - random()) / rate;
}

/**
 * Gamma(shape, rate 1) draw by Marsaglia & Tsang (2000); shapes below 1 use their boost
 * Gamma(k) = Gamma(k + 1) · U^(1/k).
 */
export function gammaVariate(random: RandomSource, shape: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normalVariate(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaVariate(random: RandomSource, a: number, b: number): number {
  const x = gammaVariate(random, a);
  return x / (x + gammaVariate(random, b));
}
