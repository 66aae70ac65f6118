import { type BgNbdParameters, validateBgNbdParameters } from './bg-nbd-parameters.js';
import { assertNonNegative } from './clv-input-error.js';
import { type FrequencySummary, validateFrequencySummary } from './customer-summary.js';
import { hypergeometric2F1 } from './hypergeometric-2f1.js';

/**
 * Probability that a customer with history (x, t_x, T) is still alive at T
 * (Fader, Hardie & Lee 2005, eq. 11; the authors' #NUM! note form). A customer with no repeat
 * purchase cannot have dropped out (dropout follows a purchase), so the result is 1 for x = 0.
 */
export function probabilityAlive(parameters: BgNbdParameters, customer: FrequencySummary): number {
  validateBgNbdParameters(parameters);
  validateFrequencySummary(customer, 'customer');
  return aliveProbability(parameters, customer);
}

function aliveProbability({ r, alpha, a, b }: BgNbdParameters, customer: FrequencySummary): number {
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  // 1 / (1 + e^logOdds), written so a huge logOdds gives 0 rather than 1 / Infinity trouble.
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected number of repeat purchases E[X(t)] in the first `t` time units of a randomly chosen
 * new customer (Fader, Hardie & Lee 2005, eq. 7).
 */
export function expectedPurchases(parameters: BgNbdParameters, t: number): number {
  validateBgNbdParameters(parameters);
  assertNonNegative('t', t);
  return repeatPurchasesAhead(parameters, t, 0, 0);
}

/**
 * Expected number of purchases E[Y(t) | x, t_x, T] in the next `t` time units of a customer
 * with history (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10): purchases such a customer would
 * make if alive, times the probability they are.
 */
export function conditionalExpectedPurchases(
  parameters: BgNbdParameters,
  t: number,
  customer: FrequencySummary,
): number {
  validateBgNbdParameters(parameters);
  validateFrequencySummary(customer, 'customer');
  assertNonNegative('t', t);
  return (
    repeatPurchasesAhead(parameters, t, customer.x, customer.T) *
    aliveProbability(parameters, customer)
  );
}

// Removable singularities of the closed form: (a + b + x − 1)/(a − 1) · [1 − …] is 0/0 at a = 1,
// and the 2F1 below has a pole at a + b + x − 1 = 0 cancelled by the same prefactor. The result
// is smooth in a there, so the mean of two evaluations either side stands in for the limit
// (error O(NEAR²), far below the cancellation error of evaluating at the point itself).
const NEAR = 1e-6;

/**
 * Expected purchases in (T, T + t] of a customer alive at T with x repeat purchases so far:
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t).
 * With x = T = 0 this is E[X(t)].
 */
function repeatPurchasesAhead(
  parameters: BgNbdParameters,
  t: number,
  x: number,
  T: number,
): number {
  const { a, b } = parameters;
  if (Math.abs(a - 1) < NEAR || Math.abs(a + b + x - 1) < NEAR) {
    const step = Math.min(2 * NEAR, a / 2);
    const below = closedForm({ ...parameters, a: a - step }, t, x, T);
    const above = closedForm({ ...parameters, a: a + step }, t, x, T);
    return Math.max(0, (below + above) / 2);
  }
  return Math.max(0, closedForm(parameters, t, x, T));
}

function closedForm({ r, alpha, a, b }: BgNbdParameters, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  // Euler's transformation ₂F₁(A, B; C; z) = (1 − z)^(C−A−B) ₂F₁(C−A, C−B; C; z) cancels the
  // (1 − z)^(r+x) factor exactly and leaves parameters that do not grow with x, so the series
  // stays short and never overflows for heavy buyers.
  const survival = (1 - z) ** (a - 1) * hypergeometric2F1(a + b - 1 - r, a - 1, c, z);
  // Clamping at zero only removes rounding noise: the exact value is never negative.
  return (c / (a - 1)) * (1 - survival);
}
