import { assertPositive } from './clv-input-error.js';

/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005): while alive a customer buys at rate λ, with
 * λ ~ Gamma(shape r, rate α) across customers; after each purchase they drop out with
 * probability p, with p ~ Beta(a, b). α is in the summary's time unit (weeks or days).
 */
export interface BgNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Throws a `ClvInputError` naming the field unless every parameter is finite and `> 0`. */
export function validateBgNbdParameters(parameters: BgNbdParameters, field = 'parameters'): void {
  assertPositive(`${field}.r`, parameters.r);
  assertPositive(`${field}.alpha`, parameters.alpha);
  assertPositive(`${field}.a`, parameters.a);
  assertPositive(`${field}.b`, parameters.b);
}
