/** Whether a tracked brand is the tenant's own or a competitor's. */
export type TrackedBrandKind = 'OWN' | 'COMPETITOR';

/** A brand a tenant listens for, with the terms that place a mention under it. */
export interface TrackedBrand {
  readonly id: string;
  readonly name: string;
  readonly kind: TrackedBrandKind;
  /** Words or phrases matched on word boundaries, case- and accent-insensitively. */
  readonly keywords: readonly string[];
  /** Whole hashtags, stored with their leading `#`. */
  readonly hashtags: readonly string[];
  /** Whole account handles, stored with their leading `@`. */
  readonly handles: readonly string[];
  /** Words, phrases, hashtags or handles that keep a mention away from this brand. */
  readonly excludedTerms: readonly string[];
}
