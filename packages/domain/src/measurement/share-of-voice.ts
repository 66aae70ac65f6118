import { assertNonNegative } from './count-validation.js';
import { safeRatio } from './ratio.js';

/** Mention volume and audience reach of one brand over the measured period. */
export interface BrandVoice {
  readonly brand: string;
  /** `true` for the tenant's own brands, `false` for competitors. */
  readonly own: boolean;
  readonly mentions: number;
  /** Sum of the potential audience of those mentions (e.g. author followers). */
  readonly reach: number;
}

/** One brand's share of the conversation; `null` when no brand has any mention (or reach). */
export interface BrandShare {
  readonly brand: string;
  readonly own: boolean;
  readonly byMentions: number | null;
  readonly byReach: number | null;
}

/** Share of voice per brand, plus the combined share of the tenant's own brands. */
export interface ShareOfVoice {
  readonly brands: readonly BrandShare[];
  readonly own: { readonly byMentions: number | null; readonly byReach: number | null };
}

/**
 * Share of voice: each brand's mentions (and reach) divided by the total over all listed
 * brands, own and competitors. Shares over brands sum to 1 whenever any mention (reach)
 * exists; with none, every share is `null` rather than a misleading 0.
 *
 * @throws RangeError naming the field when a count is negative or not finite.
 */
export function shareOfVoice(brands: readonly BrandVoice[]): ShareOfVoice {
  brands.forEach((b, i) => {
    assertNonNegative(`brands[${i}].mentions`, b.mentions);
    assertNonNegative(`brands[${i}].reach`, b.reach);
  });
  const totalMentions = sum(brands.map((b) => b.mentions));
  const totalReach = sum(brands.map((b) => b.reach));
  const ownBrands = brands.filter((b) => b.own);
  return {
    brands: brands.map((b) => ({
      brand: b.brand,
      own: b.own,
      byMentions: safeRatio(b.mentions, totalMentions),
      byReach: safeRatio(b.reach, totalReach),
    })),
    own: {
      byMentions: safeRatio(sum(ownBrands.map((b) => b.mentions)), totalMentions),
      byReach: safeRatio(sum(ownBrands.map((b) => b.reach)), totalReach),
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
