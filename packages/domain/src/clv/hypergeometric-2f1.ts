/** Options for {@link hypergeometric2F1}. */
export interface Hypergeometric2F1Options {
  /** Largest number of series terms before giving up (default 1,000,000). */
  readonly maxTerms?: number;
}

const RELATIVE_TOLERANCE = 1e-15;

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and `0 <= z < 1`, summed
 * as its power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ.
 *
 * The sum stops once a bound on the remaining tail falls below 1e-15 of the total. Terms
 * shrink roughly like zⁿ, so about 37 / (1 − z) terms are needed: the customer-value models
 * call it with z = t / (α + T + t), far from 1 for any realistic horizon. Throws a `RangeError`
 * for z outside [0, 1), for c a non-positive integer (a pole), or when the series has not
 * converged within `maxTerms`, rather than return an inaccurate number.
 */
export function hypergeometric2F1(
  a: number,
  b: number,
  c: number,
  z: number,
  options: Hypergeometric2F1Options = {},
): number {
  if (![a, b, c, z].every(Number.isFinite)) {
    throw new RangeError(`hypergeometric2F1 needs finite arguments (got ${a}, ${b}, ${c}, ${z})`);
  }
  if (z < 0 || z >= 1) throw new RangeError(`hypergeometric2F1 needs 0 <= z < 1 (got ${z})`);
  if (c <= 0 && Number.isInteger(c)) {
    throw new RangeError(`hypergeometric2F1 has a pole at c = ${c}`);
  }
  const maxTerms = options.maxTerms ?? 1_000_000;
  // Past this index every Pochhammer factor keeps its sign, so term ratios settle towards z.
  const settled = Math.max(0, -a, -b, -c) + 1;
  let term = 1;
  let sum = 1;
  // Sum of |terms|: rounding error is about 1e-16 of it, so a tail below that is noise even
  // when cancellation leaves the sum itself near zero.
  let absoluteSum = 1;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    absoluteSum += Math.abs(term);
    if (term === 0) return sum;
    if (n >= settled) {
      // Once settled the ratios move monotonically towards z, so the larger of the current
      // ratio and z bounds every later ratio and the tail is at most a geometric series.
      const bound = Math.max(Math.abs(ratio), z);
      const tail = (Math.abs(term) * bound) / (1 - bound);
      if (
        bound < 1 &&
        (tail <= RELATIVE_TOLERANCE * Math.abs(sum) || tail <= 1e-16 * absoluteSum)
      ) {
        return sum;
      }
    }
  }
  throw new RangeError(
    `hypergeometric2F1(${a}, ${b}; ${c}; ${z}) did not converge within ${maxTerms} terms`,
  );
}
