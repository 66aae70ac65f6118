import { type ReferralIncentiveRule, referralIncentiveRuleSchema } from '@socialcrm/validation';
import type { Operation } from '../../platform/database/operation-scope.js';
import { parseInput } from '../../platform/graphql/validation.js';
import type {
  ReferralIncentiveRuleInput,
  ReferralIncentiveRuleType,
  ReferralIncentiveType,
} from './advocacy.type.js';
import { ReferralQualification } from './advocacy.type.js';

/** What one referrer is owed: the fixed part per qualifying referral plus the revenue share, capped. */
export function owedUnder(
  rule: ReferralIncentiveRule,
  qualifyingReferrals: number,
  referredRevenue: number,
): { owed: number; capped: boolean } {
  const earned =
    rule.amount * qualifyingReferrals + (rule.revenuePercent / 100) * Math.max(referredRevenue, 0);
  const capped = rule.capPerReferrer !== null && earned > rule.capPerReferrer;
  return { owed: round2(capped ? (rule.capPerReferrer ?? 0) : earned), capped };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The tenant's referral incentive rule (`tenant.referral_incentive`) and what it owes each
 * referrer. A referral qualifies on signup (as soon as recorded) or once the referred contact has
 * any order; the revenue share counts all the referred contacts' orders (reporting currency,
 * refunds included, never below zero in total).
 */
export class ReferralIncentives {
  async rule(op: Operation): Promise<ReferralIncentiveRuleType> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [row] = await manager.query(
      'SELECT referral_incentive AS rule FROM tenant WHERE id = $1',
      [tenantId],
    );
    return row.rule;
  }

  async updateRule(
    op: Operation,
    input: ReferralIncentiveRuleInput,
  ): Promise<ReferralIncentiveRuleType> {
    const rule = parseInput(
      referralIncentiveRuleSchema,
      { ...input, capPerReferrer: input.capPerReferrer ?? null },
      'input',
    );
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    await manager.query('UPDATE tenant SET referral_incentive = $2 WHERE id = $1', [
      tenantId,
      JSON.stringify(rule),
    ]);
    return { ...rule, qualifyOn: rule.qualifyOn as ReferralQualification };
  }

  /** Every referrer with what the rule owes them, most owed first. */
  async owed(op: Operation): Promise<ReferralIncentiveType[]> {
    const rule = parseInput(referralIncentiveRuleSchema, await this.rule(op), 'rule');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<{
      id: string;
      name: string;
      referrals: number;
      buyers: number;
      revenue: string;
    }> = await manager.query(
      `SELECT r.referrer_id AS id, c.display_name AS name, count(*)::int AS referrals,
              count(*) FILTER (WHERE o.orders > 0)::int AS buyers,
              coalesce(sum(o.revenue), 0) AS revenue
       FROM referral r
       JOIN contact c ON c.tenant_id = r.tenant_id AND c.id = r.referrer_id
       LEFT JOIN LATERAL (
         SELECT count(*) AS orders, sum(co.reporting_amount) AS revenue FROM customer_order co
         WHERE co.tenant_id = r.tenant_id AND co.contact_id = r.referred_id
       ) o ON true
       WHERE r.tenant_id = $1
       GROUP BY r.referrer_id, c.display_name`,
      [tenantId],
    );
    return rows
      .map((row) => {
        const qualifying =
          rule.qualifyOn === ReferralQualification.SIGNUP ? row.referrals : row.buyers;
        const referredRevenue = Number(row.revenue);
        return {
          referrer: { id: row.id, displayName: row.name },
          referrals: row.referrals,
          qualifyingReferrals: qualifying,
          referredRevenue,
          ...owedUnder(rule, qualifying, referredRevenue),
        };
      })
      .sort((a, b) => b.owed - a.owed || a.referrer.id.localeCompare(b.referrer.id));
  }
}
