import { assertCount, assertFinite, ClvInputError } from './clv-input-error.js';
import type { SpendSummary } from './customer-summary.js';
import {
  type GammaGammaParameters,
  validateGammaGammaParameters,
} from './gamma-gamma-parameters.js';
import { logGamma } from './log-gamma.js';
import { minimizeNelderMead } from './nelder-mead.js';

/** Options for {@link fitGammaGamma}. */
export interface GammaGammaFitOptions {
  /** Where the search starts. Default: p = 1, q = 2, γ = mean of m, so pγ/(q−1) = mean m. */
  readonly start?: GammaGammaParameters;
  /** Iteration budget of the optimiser (default 5,000). */
  readonly maxIterations?: number;
}

/** Maximum-likelihood Gamma–Gamma estimates and how they were reached. */
export interface GammaGammaFit {
  readonly parameters: GammaGammaParameters;
  readonly logLikelihood: number;
  readonly startLogLikelihood: number;
  /** False when the iteration budget ran out first; `parameters` is then the best point seen. */
  readonly converged: boolean;
  readonly iterations: number;
  /** Number of customers used: those with x > 0. */
  readonly customers: number;
}

/**
 * Gamma–Gamma log-likelihood of customers with repeat purchases (Fader & Hardie 2013, eq. 3):
 * Σ ln[Γ(px+q) / (Γ(px)Γ(q)) · γ^q m^(px−1) x^(px) / (γ + mx)^(px+q)].
 * Customers with x = 0 carry no spend information and are skipped.
 */
export function gammaGammaLogLikelihood(
  parameters: GammaGammaParameters,
  customers: readonly SpendSummary[],
): number {
  validateGammaGammaParameters(parameters);
  const { x, m } = repeatBuyers(customers);
  return logLikelihood(parameters, x, m);
}

/**
 * Fits the Gamma–Gamma spend model by maximum likelihood on the customers with x > 0, with a
 * Nelder–Mead search in log-parameter space. Throws a `ClvInputError` when a summary is invalid
 * (naming `customers[i].field`; m must be `> 0` when x > 0) or when fewer than two distinct
 * spend values remain: identical spends have no finite maximum (p grows without bound).
 */
export function fitGammaGamma(
  customers: readonly SpendSummary[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const { x, m } = repeatBuyers(customers);
  if (new Set(m).size < 2) {
    throw new ClvInputError(
      'customers',
      'must include customers with x > 0 and at least two distinct values of m',
    );
  }
  const meanSpend = m.reduce((sum, value) => sum + value, 0) / m.length;
  const start = options.start ?? { p: 1, q: 2, gamma: meanSpend };
  validateGammaGammaParameters(start, 'options.start');
  const toParameters = ([p = 0, q = 0, gamma = 0]: readonly number[]): GammaGammaParameters => ({
    p: Math.exp(p),
    q: Math.exp(q),
    gamma: Math.exp(gamma),
  });
  const result = minimizeNelderMead(
    (logParameters) => -logLikelihood(toParameters(logParameters), x, m),
    [start.p, start.q, start.gamma].map(Math.log),
    { maxIterations: options.maxIterations ?? 5000 },
  );
  return {
    parameters: toParameters(result.x),
    logLikelihood: -result.fx,
    startLogLikelihood: logLikelihood(start, x, m),
    converged: result.converged,
    iterations: result.iterations,
    customers: x.length,
  };
}

function logLikelihood(
  { p, q, gamma }: GammaGammaParameters,
  x: readonly number[],
  m: readonly number[],
): number {
  const perCustomerConstant = q * Math.log(gamma) - logGamma(q);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = m[i] as number;
    const px = p * xi;
    total +=
      perCustomerConstant +
      logGamma(px + q) -
      logGamma(px) +
      (px - 1) * Math.log(mi) +
      px * Math.log(xi) -
      (px + q) * Math.log(gamma + mi * xi);
  }
  return total;
}

function repeatBuyers(customers: readonly SpendSummary[]): { x: number[]; m: number[] } {
  const x: number[] = [];
  const m: number[] = [];
  customers.forEach((customer, i) => {
    assertCount(`customers[${i}].x`, customer.x);
    assertFinite(`customers[${i}].m`, customer.m);
    if (customer.x === 0) return;
    if (customer.m <= 0) {
      throw new ClvInputError(`customers[${i}].m`, `must be > 0 when x > 0 (got ${customer.m})`);
    }
    x.push(customer.x);
    m.push(customer.m);
  });
  return { x, m };
}
