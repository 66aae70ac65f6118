import { type BgNbdParameters, validateBgNbdParameters } from './bg-nbd-parameters.js';
import {
  assertCount,
  assertNonNegative,
  assertPositive,
  ClvInputError,
} from './clv-input-error.js';
import type { FrequencySummary } from './customer-summary.js';
import { betaVariate, exponentialVariate, gammaVariate } from './random-variates.js';
import { seededRandom } from './seeded-random.js';

/** What {@link simulateBgNbdCustomers} generates. */
export interface BgNbdSimulationOptions {
  readonly parameters: BgNbdParameters;
  readonly customers: number;
  /** Ages T are drawn uniformly from [minAge, maxAge], as customers join over time. */
  readonly minAge: number;
  readonly maxAge: number;
  /** Length of a day in the time unit (1/7 for weeks): summaries count whole days. */
  readonly resolution: number;
  readonly seed: number;
}

/**
 * Draws customer summaries from the BG/NBD generative process: each customer gets a purchase
 * rate λ ~ Gamma(r, α) and a dropout probability p ~ Beta(a, b), buys at Poisson times while
 * alive, and after each purchase drops out with probability p. Times are kept by the day
 * (`resolution`) as in real purchase logs, so many customers share a summary. Several purchases
 * on one day stay separate (x counts them all), a simplification real logs would merge.
 * Same seed, same output.
 */
export function simulateBgNbdCustomers(options: BgNbdSimulationOptions): FrequencySummary[] {
  const { parameters, customers, minAge, maxAge, resolution, seed } = options;
  validateBgNbdParameters(parameters);
  assertCount('customers', customers);
  assertNonNegative('minAge', minAge);
  assertPositive('resolution', resolution);
  if (!(Number.isFinite(maxAge) && maxAge >= minAge)) {
    throw new ClvInputError('maxAge', `must be finite and >= minAge (got ${maxAge})`);
  }
  const random = seededRandom(seed);
  const toGrid = (time: number) => Math.floor(time / resolution) * resolution;
  const summaries: FrequencySummary[] = [];
  for (let i = 0; i < customers; i++) {
    // Like a real log kept by the day: the first purchase happens `offset` into its day, ages
    // and recencies are counted in whole days from that day, and observation runs to the end
    // of the last day. Rounding the purchase clock itself would bias t_x down by half a day.
    const T = toGrid(minAge + (maxAge - minAge) * random());
    const offset = resolution * random();
    const observedFor = T + resolution - offset;
    const rate = gammaVariate(random, parameters.r) / parameters.alpha;
    const dropout = betaVariate(random, parameters.a, parameters.b);
    let x = 0;
    let lastPurchase = 0;
    for (
      let time = exponentialVariate(random, rate);
      time < observedFor;
      time += exponentialVariate(random, rate)
    ) {
      x += 1;
      lastPurchase = time;
      if (random() < dropout) break;
    }
    // min() only guards against the sum rounding up onto the next day.
    const tx = x === 0 ? 0 : Math.min(T, toGrid(offset + lastPurchase));
    summaries.push({ x, tx, T });
  }
  return summaries;
}
