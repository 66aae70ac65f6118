import { type BgNbdParameters, validateBgNbdParameters } from './bg-nbd-parameters.js';
import { assertCount, assertPositive } from './clv-input-error.js';
import {
  type GammaGammaParameters,
  validateGammaGammaParameters,
} from './gamma-gamma-parameters.js';
import { betaVariate, exponentialVariate, gammaVariate } from './random-variates.js';
import { seededRandom } from './seeded-random.js';

/** What {@link simulatePurchaseHistories} generates. */
export interface PurchaseHistoryOptions {
  /** How often customers buy and when they drop out (per `unit` of time). */
  readonly frequency: BgNbdParameters;
  /** What each purchase is worth. */
  readonly spend: GammaGammaParameters;
  readonly customers: number;
  /** Customers' first purchases fall uniformly in [start, end]; observation ends at end. */
  readonly start: number;
  readonly end: number;
  /** The time unit of the parameters, in the same unit as start and end (e.g. a week in ms). */
  readonly unit: number;
  readonly seed: number;
}

/** One customer's purchases: times (ascending, in the unit of start/end) and values. */
export interface SimulatedPurchaseHistory {
  readonly purchases: ReadonlyArray<{ readonly at: number; readonly value: number }>;
}

/**
 * Whole purchase logs drawn from the models the CLV fits assume: a first purchase, then repeat
 * purchases at Poisson times with rate λ ~ Gamma(r, α) until the customer drops out (after each
 * repeat purchase with probability p ~ Beta(a, b)) — BG/NBD (Fader, Hardie & Lee 2005); each
 * purchase worth Gamma(p, ν) with ν ~ Gamma(q, γ) per customer — Gamma–Gamma (Fader & Hardie
 * 2013). Demo data and benchmarks get histories the fits can recover. Same seed, same output.
 */
export function simulatePurchaseHistories(
  options: PurchaseHistoryOptions,
): SimulatedPurchaseHistory[] {
  const { frequency, spend, customers, start, end, unit, seed } = options;
  validateBgNbdParameters(frequency);
  validateGammaGammaParameters(spend, 'spend');
  assertCount('customers', customers);
  assertPositive('unit', unit);
  assertPositive('end - start', end - start);
  const random = seededRandom(seed);
  const histories: SimulatedPurchaseHistory[] = [];
  for (let customer = 0; customer < customers; customer++) {
    const rate = gammaVariate(random, frequency.r) / frequency.alpha;
    const dropout = betaVariate(random, frequency.a, frequency.b);
    const scale = gammaVariate(random, spend.q) / spend.gamma;
    const value = () => gammaVariate(random, spend.p) / scale;
    const first = start + (end - start) * random();
    const purchases = [{ at: first, value: value() }];
    for (
      let at = first + exponentialVariate(random, rate) * unit;
      at < end;
      at += exponentialVariate(random, rate) * unit
    ) {
      purchases.push({ at, value: value() });
      if (random() < dropout) break;
    }
    histories.push({ purchases });
  }
  return histories;
}
