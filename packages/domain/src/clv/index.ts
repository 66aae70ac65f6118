// Customer value: textbook CLV, purchase summaries, BG/NBD and Gamma–Gamma fits, discounted CLV.

export type { BgNbdFit, BgNbdFitOptions } from './bg-nbd-fit.js';
export { fitBgNbd } from './bg-nbd-fit.js';
export { bgNbdLogLikelihood } from './bg-nbd-log-likelihood.js';
export type { BgNbdParameters } from './bg-nbd-parameters.js';
export {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
} from './bg-nbd-predictions.js';
export type { BgNbdSimulationOptions } from './bg-nbd-simulation.js';
export { simulateBgNbdCustomers } from './bg-nbd-simulation.js';
export { ClvInputError } from './clv-input-error.js';
export type {
  CustomerSummary,
  CustomerSummaryOptions,
  FrequencySummary,
  Purchase,
  SpendSummary,
} from './customer-summary.js';
export { summarizeCustomers } from './customer-summary.js';
export type { ClvModels, DiscountedClvOptions } from './discounted-clv.js';
export { discountedClv } from './discounted-clv.js';
export type { GammaGammaFit, GammaGammaFitOptions } from './gamma-gamma-fit.js';
export { fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma-fit.js';
export type { GammaGammaParameters } from './gamma-gamma-parameters.js';
export { conditionalExpectedSpend } from './gamma-gamma-spend.js';
export type {
  PurchaseHistoryOptions,
  SimulatedPurchaseHistory,
} from './purchase-history-simulation.js';
export { simulatePurchaseHistories } from './purchase-history-simulation.js';
export { type RandomSource, seededRandom } from './seeded-random.js';
export type { TextbookClvInput } from './textbook-clv.js';
export { textbookClv } from './textbook-clv.js';
