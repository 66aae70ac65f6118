// Public surface of social listening: brand matching and per-mention audience figures.
export { type BrandMatcher, type BrandTerms, compileBrandMatcher } from './brand-matcher.js';
export { engagementCount } from './engagement-count.js';
export { estimateReach, FOLLOWERS_PER_SHARE } from './estimate-reach.js';
export type { MentionMetrics } from './mention-metrics.js';
export type { TrackedBrand, TrackedBrandKind } from './tracked-brand.js';
