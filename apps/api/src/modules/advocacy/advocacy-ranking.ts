import type { Operation } from '../../platform/database/operation-scope.js';
import { checkPageSize } from '../../platform/graphql/connection.js';
import type { AdvocateType, InfluencerType } from './advocacy.type.js';
import { advocatesByTenant } from './advocates-by-tenant.js';
import { contactNames } from './referral-graph.js';

/** Advocates and influencers, ranked by the influence the upkeep keeps on contact_metrics. */
export class AdvocacyRanking {
  /**
   * The domain's advocates over its window (repeated, mostly positive mentions, or referrals),
   * highest influence first, then as the domain orders them.
   */
  async advocates(op: Operation, first: number): Promise<AdvocateType[]> {
    checkPageSize(first);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const found = (await advocatesByTenant(manager, [tenantId], new Date())).get(tenantId) ?? [];
    const ids = found.map((a) => a.contactId);
    const influence = await this.influenceOf(op, ids);
    const names = await contactNames(manager, tenantId, ids);
    return found
      .map((a, order) => ({ a, order, influence: influence.get(a.contactId) ?? 0 }))
      .sort((x, y) => y.influence - x.influence || x.order - y.order)
      .slice(0, first)
      .map(({ a, influence: score }) => ({
        contact: { id: a.contactId, displayName: names.get(a.contactId) ?? '' },
        influence: score,
        positiveMentions: a.positiveMentions,
        negativeMentions: a.negativeMentions,
        referrals: a.referrals,
        reasons: [...a.reasons],
      }));
  }

  /** The contacts of highest influence score (contacts with none scored yet are left out). */
  async influencers(op: Operation, first: number): Promise<InfluencerType[]> {
    checkPageSize(first);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<{
      id: string;
      name: string;
      influence: number;
      followers: string | null;
      referrals: number;
    }> = await manager.query(
      `SELECT c.id, c.display_name AS name, m.influence, m.followers,
              (SELECT count(*) FROM referral r WHERE r.tenant_id = c.tenant_id AND r.referrer_id = c.id)::int AS referrals
       FROM contact_metrics m JOIN contact c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id
       WHERE m.tenant_id = $1 AND m.influence > 0
       ORDER BY m.influence DESC, c.id LIMIT $2`,
      [tenantId, first],
    );
    return rows.map((row) => ({
      contact: { id: row.id, displayName: row.name },
      influence: row.influence,
      followers: Number(row.followers ?? 0),
      referrals: row.referrals,
    }));
  }

  private async influenceOf(op: Operation, ids: readonly string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; influence: number | null }> = await (await op.manager()).query(
      'SELECT contact_id AS id, influence FROM contact_metrics WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])',
      [await op.tenantId(), ids],
    );
    return new Map(rows.map((row) => [row.id, row.influence ?? 0]));
  }
}
