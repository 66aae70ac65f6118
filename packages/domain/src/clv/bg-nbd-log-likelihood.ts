import { type BgNbdParameters, validateBgNbdParameters } from './bg-nbd-parameters.js';
import type { FrequencySummary } from './customer-summary.js';
import {
  type FrequencySummaryGroups,
  groupFrequencySummaries,
} from './frequency-summary-groups.js';
import { logGamma } from './log-gamma.js';

/**
 * Total BG/NBD log-likelihood of grouped customers (Fader, Hardie & Lee 2005, eq. 6, summed
 * with each group's count as weight). Written in logs with the B(a+1, b+x−1)/B(a, b+x) ratio
 * reduced to a/(b+x−1), as in the authors' #NUM! note, so it neither overflows nor underflows.
 */
export function groupedBgNbdLogLikelihood(
  { r, alpha, a, b }: BgNbdParameters,
  groups: FrequencySummaryGroups,
): number {
  const { distinctX, distinctTimes } = groups;
  const logAlphaPlus = distinctTimes.map((time) => Math.log(alpha + time));
  const base = r * Math.log(alpha) - logGamma(r) + logGamma(a + b) - logGamma(b);
  const perX = distinctX.map((x) => base + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x));
  const dropoutTerm = distinctX.map((x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0));
  let total = 0;
  for (let g = 0; g < groups.count.length; g++) {
    const xi = groups.xIndex[g] as number;
    const x = distinctX[xi] as number;
    const stillAlive = -(r + x) * (logAlphaPlus[groups.ageIndex[g] as number] as number);
    let logTerms = stillAlive;
    if (x > 0) {
      const droppedOut =
        (dropoutTerm[xi] as number) -
        (r + x) * (logAlphaPlus[groups.txIndex[g] as number] as number);
      // log(e^u + e^v) without overflow.
      const high = Math.max(stillAlive, droppedOut);
      logTerms = high + Math.log1p(Math.exp(Math.min(stillAlive, droppedOut) - high));
    }
    total += (groups.count[g] as number) * ((perX[xi] as number) + logTerms);
  }
  return total;
}

/**
 * Total BG/NBD log-likelihood of `customers` at `parameters`. Throws a `ClvInputError` naming
 * the field for invalid parameters or summaries.
 */
export function bgNbdLogLikelihood(
  parameters: BgNbdParameters,
  customers: readonly FrequencySummary[],
): number {
  validateBgNbdParameters(parameters);
  return groupedBgNbdLogLikelihood(parameters, groupFrequencySummaries(customers));
}
