/**
 * An author's influence tier from the follower count the network reported; `unknown` when it
 * reported none (the api gives no other influence figure).
 */
export type InfluenceTier = 'unknown' | 'none' | 'nano' | 'micro' | 'macro' | 'mega';

export function influenceTier(followers: number | null | undefined): InfluenceTier {
  if (followers == null || followers < 0) return 'unknown';
  if (followers < 1_000) return 'none';
  if (followers < 10_000) return 'nano';
  if (followers < 100_000) return 'micro';
  if (followers < 1_000_000) return 'macro';
  return 'mega';
}
