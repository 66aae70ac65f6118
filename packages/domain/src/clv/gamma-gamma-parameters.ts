import { assertPositive } from './clv-input-error.js';

/**
 * Gamma–Gamma spend parameters (Fader & Hardie 2013): each transaction's value is
 * Gamma(shape p, rate ν) for a customer, and ν ~ Gamma(shape q, rate γ) across customers.
 * The population mean transaction value is pγ / (q − 1), finite only for q > 1.
 */
export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** Throws a `ClvInputError` naming the field unless every parameter is finite and `> 0`. */
export function validateGammaGammaParameters(
  parameters: GammaGammaParameters,
  field = 'parameters',
): void {
  assertPositive(`${field}.p`, parameters.p);
  assertPositive(`${field}.q`, parameters.q);
  assertPositive(`${field}.gamma`, parameters.gamma);
}
