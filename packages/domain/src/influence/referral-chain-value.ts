import type { Referral } from './find-advocates.js';

/** Customers a contact brought in at one distance (1 = referred directly). */
export interface ReferralLevel {
  readonly depth: number;
  readonly contacts: readonly string[];
  readonly revenue: number;
}

/** The value of a contact's referral chain. */
export interface ReferralChainValue {
  /** Revenue of the customers referred directly. */
  readonly directRevenue: number;
  /** Revenue of customers referred by those, at any further depth. */
  readonly indirectRevenue: number;
  readonly totalRevenue: number;
  /** Longest chain length (0 when the contact referred nobody). */
  readonly depth: number;
  readonly levels: readonly ReferralLevel[];
}

/**
 * Revenue of every customer a contact brought in, directly and transitively, by walking
 * referrals breadth-first. Each customer counts once, at the shortest distance from the
 * contact; cycles (A referred B, B "referred" A) and customers reachable by two paths
 * therefore do not double count, and the contact itself is never counted. Customers
 * missing from `revenueByContact` count as 0.
 */
export function referralChainValue(
  contactId: string,
  referrals: readonly Pick<Referral, 'referrerId' | 'referredId'>[],
  revenueByContact: ReadonlyMap<string, number>,
): ReferralChainValue {
  const referredBy = new Map<string, string[]>();
  for (const { referrerId, referredId } of referrals) {
    referredBy.set(referrerId, [...(referredBy.get(referrerId) ?? []), referredId]);
  }
  const seen = new Set([contactId]);
  const levels: ReferralLevel[] = [];
  let frontier = [contactId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier.flatMap((referrer) => referredBy.get(referrer) ?? [])) {
      if (seen.has(id)) continue;
      seen.add(id);
      next.push(id);
    }
    if (next.length === 0) break;
    const revenue = next.reduce((sum, id) => sum + (revenueByContact.get(id) ?? 0), 0);
    levels.push({ depth: levels.length + 1, contacts: next, revenue });
    frontier = next;
  }
  const directRevenue = levels[0]?.revenue ?? 0;
  const totalRevenue = levels.reduce((sum, level) => sum + level.revenue, 0);
  return {
    directRevenue,
    indirectRevenue: totalRevenue - directRevenue,
    totalRevenue,
    depth: levels.length,
    levels,
  };
}
