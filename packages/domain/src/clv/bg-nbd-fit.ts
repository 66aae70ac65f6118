import { groupedBgNbdLogLikelihood } from './bg-nbd-log-likelihood.js';
import { type BgNbdParameters, validateBgNbdParameters } from './bg-nbd-parameters.js';
import { ClvInputError } from './clv-input-error.js';
import type { FrequencySummary } from './customer-summary.js';
import { groupFrequencySummaries } from './frequency-summary-groups.js';
import { minimizeNelderMead } from './nelder-mead.js';

/** Options for {@link fitBgNbd}. */
export interface BgNbdFitOptions {
  /**
   * Where the search starts. Default: r = 1, a = 1, b = 3 and α = ΣT / Σx, so the starting
   * purchase rate r/α matches the data's whatever the time unit.
   */
  readonly start?: BgNbdParameters;
  /** Iteration budget of the optimiser (default 5,000). */
  readonly maxIterations?: number;
}

/** Maximum-likelihood BG/NBD estimates and how they were reached. */
export interface BgNbdFit {
  readonly parameters: BgNbdParameters;
  /** Log-likelihood at `parameters`. */
  readonly logLikelihood: number;
  /** Log-likelihood at the start point, for comparison. */
  readonly startLogLikelihood: number;
  /** False when the iteration budget ran out first; `parameters` is then the best point seen. */
  readonly converged: boolean;
  readonly iterations: number;
  readonly customers: number;
  /** Number of distinct (x, t_x, T) summaries the likelihood was evaluated over. */
  readonly uniqueSummaries: number;
}

/**
 * Fits the BG/NBD model by maximum likelihood (Fader, Hardie & Lee 2005). Customers with
 * identical summaries are grouped and the likelihood weighted by group size; the search is a
 * Nelder–Mead simplex in log-parameter space, so every parameter stays positive.
 *
 * Throws a `ClvInputError` for no customers, for invalid summaries (naming `customers[i].field`)
 * and when no customer has a repeat transaction: all x = 0 has no maximum (the likelihood keeps
 * rising as purchase rates go to zero), so there is nothing meaningful to return.
 */
export function fitBgNbd(
  customers: readonly FrequencySummary[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  if (customers.length === 0) throw new ClvInputError('customers', 'must not be empty');
  const groups = groupFrequencySummaries(customers);
  let totalX = 0;
  let totalT = 0;
  for (const customer of customers) {
    totalX += customer.x;
    totalT += customer.T;
  }
  if (totalX === 0) {
    throw new ClvInputError('customers', 'must include at least one repeat transaction (x > 0)');
  }
  const start = options.start ?? { r: 1, alpha: Math.max(totalT, 1e-6) / totalX, a: 1, b: 3 };
  validateBgNbdParameters(start, 'options.start');
  const toParameters = ([r = 0, alpha = 0, a = 0, b = 0]: readonly number[]): BgNbdParameters => ({
    r: Math.exp(r),
    alpha: Math.exp(alpha),
    a: Math.exp(a),
    b: Math.exp(b),
  });
  const result = minimizeNelderMead(
    (logParameters) => -groupedBgNbdLogLikelihood(toParameters(logParameters), groups),
    [start.r, start.alpha, start.a, start.b].map(Math.log),
    { maxIterations: options.maxIterations ?? 5000 },
  );
  return {
    parameters: toParameters(result.x),
    logLikelihood: -result.fx,
    startLogLikelihood: groupedBgNbdLogLikelihood(start, groups),
    converged: result.converged,
    iterations: result.iterations,
    customers: customers.length,
    uniqueSummaries: groups.count.length,
  };
}
