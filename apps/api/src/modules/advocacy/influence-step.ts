import { buildInteractionGraph, influenceCentrality, influenceScore } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { ContactUpkeepStep } from '../customer-upkeep/index.js';
import { loadReferralGraph } from './referral-graph.js';

/**
 * The signals of each contact's influence, over the last 90 days: its audience (the sum of its
 * identities' followers), the reach of the mentions it wrote, and its engagement rate (mentions
 * written plus email opens and clicks, per follower; 0 without followers).
 */
const SIGNALS = `SELECT c.id, coalesce(si.followers, 0)::float8 AS followers,
         coalesce(mn.reach, 0)::float8 AS reach,
         coalesce(mn.mentions, 0)::float8 + coalesce(ee.events, 0)::float8 AS interactions
  FROM contact c
  LEFT JOIN LATERAL (SELECT sum(s.followers) AS followers FROM social_identity s
                     WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id) si ON true
  LEFT JOIN LATERAL (SELECT sum(m.reach) AS reach, count(*) AS mentions
                     FROM social_identity s
                     JOIN mention m ON m.tenant_id = s.tenant_id AND m.author_identity_id = s.id
                     WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id
                       AND m.published_at > now() - interval '90 days') mn ON true
  LEFT JOIN LATERAL (SELECT count(*) AS events FROM engagement_event e
                     WHERE e.tenant_id = c.tenant_id AND e.contact_id = c.id
                       AND e.kind IN ('OPENED', 'CLICKED')
                       AND e.occurred_at > now() - interval '90 days') ee ON true
  WHERE c.tenant_id = $1 AND c.id = ANY ($2::uuid[])`;

/**
 * Keeps `contact_metrics.influence` (0–100, the domain's `influenceScore`) for the changed
 * contacts. Centrality is the domain's PageRank over the tenant's whole referral graph (a
 * referral is the interaction the CRM records between contacts); contacts outside it have
 * centrality 0. A referral notes both its contacts, so they are rescored at once; others in
 * the graph are rescored when their own data next changes.
 */
export const influenceStep: ContactUpkeepStep = {
  name: 'influence',
  async apply(op: Operation, contactIds: readonly string[]) {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const signals: Array<{ id: string; followers: number; reach: number; interactions: number }> =
      await manager.query(SIGNALS, [tenantId, contactIds]);
    if (!signals.length) return;
    const graph = await loadReferralGraph(manager, tenantId);
    const centrality = influenceCentrality(
      buildInteractionGraph(
        graph.map((edge) => ({ kind: 'referral', from: edge.referrerId, to: edge.referredId })),
      ),
    );
    const scores = signals.map((s) =>
      influenceScore({
        audienceSize: s.followers,
        reach: s.reach,
        engagementRate: s.followers > 0 ? s.interactions / s.followers : 0,
        centrality: centrality.get(s.id) ?? 0,
      }),
    );
    await manager.query(
      `INSERT INTO contact_metrics AS m (tenant_id, contact_id, influence, updated_at)
       SELECT $1, * , now() FROM unnest($2::uuid[], $3::float8[])
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET influence = excluded.influence,
         updated_at = excluded.updated_at`,
      [tenantId, signals.map((s) => s.id), scores.map((s) => s.score)],
    );
  },
};
